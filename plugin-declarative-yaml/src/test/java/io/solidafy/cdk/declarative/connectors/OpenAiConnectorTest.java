package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.arr;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The openai connector against stubs shaped like the Usage and Costs API: daily buckets, page=<next_page>. */
class OpenAiConnectorTest extends ConnectorTestBase {

    private static final String KEY = "sk-admin-Xy12AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private static final long DAY = 86_400L;
    private static final long START = 1730419200L; // 2024-11-01T00:00:00Z

    private static final Map<String, String> STREAMS = new LinkedHashMap<>();

    static {
        STREAMS.put("usage_completions", "/usage/completions");
        STREAMS.put("usage_completions_by_model", "/usage/completions");
        STREAMS.put("usage_completions_by_project", "/usage/completions");
        STREAMS.put("usage_embeddings", "/usage/embeddings");
        STREAMS.put("usage_embeddings_by_model", "/usage/embeddings");
        STREAMS.put("usage_images", "/usage/images");
        STREAMS.put("usage_images_by_model", "/usage/images");
        STREAMS.put("usage_audio_speeches", "/usage/audio_speeches");
        STREAMS.put("usage_audio_transcriptions", "/usage/audio_transcriptions");
        STREAMS.put("usage_moderations", "/usage/moderations");
        STREAMS.put("usage_vector_stores", "/usage/vector_stores");
        STREAMS.put("usage_code_interpreter", "/usage/code_interpreter_sessions");
        STREAMS.put("costs", "/costs");
        STREAMS.put("costs_by_project", "/costs");
        STREAMS.put("costs_by_line_item", "/costs");
    }

    private ObjectNode config() {
        return obj("admin_api_key", KEY, "start_time", Long.toString(START), "base_url", origin() + "/v1/organization");
    }

    private static ObjectNode completionsBucket(long start, String model) {
        return obj("object", "bucket", "start_time", start, "end_time", start + DAY, "results", arr(obj(
                "object", "organization.usage.completions.result", "input_tokens", 18_231, "output_tokens", 4_105,
                "input_cached_tokens", 9_728, "input_audio_tokens", 0, "output_audio_tokens", 0, "num_model_requests", 57,
                "project_id", null, "user_id", null, "api_key_id", null, "model", model, "batch", null)));
    }

    private static ObjectNode costBucket(long start, String lineItem) {
        return obj("object", "bucket", "start_time", start, "end_time", start + DAY, "results", arr(obj(
                "object", "organization.costs.result", "amount", obj("value", 1.2875, "currency", "usd"),
                "line_item", lineItem, "project_id", null)));
    }

    private static ObjectNode page(List<? extends JsonNode> buckets, String nextPage) {
        return obj("object", "page", "data", Json.arr(buckets), "has_more", nextPage != null, "next_page", nextPage);
    }

    private void stubThreeCompletionPages() {
        String path = "/v1/organization/usage/completions";
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent()).willReturn(json(page(
                List.of(completionsBucket(START, null), completionsBucket(START + DAY, null)), "page_AAAAAGdGxdEiJdKOAAAAAGcqsYA="))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=")).willReturn(json(page(
                List.of(completionsBucket(START + 2 * DAY, null), completionsBucket(START + 3 * DAY, null)), "page_AAAAAGdIFJEiJdKOAAAAAGdI5IA="))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("page_AAAAAGdIFJEiJdKOAAAAAGdI5IA=")).willReturn(json(page(
                List.of(completionsBucket(START + 4 * DAY, null)), null))));
    }

    @Test
    void pagesWithNextPageWhileHasMore() {
        stubThreeCompletionPages();

        CliResult result = read("openai", config(), "usage_completions").assertSucceeded();

        result.assertCount("usage_completions", 5);
        assertUnique(result, "usage_completions", r -> r.path("start_time").asText());
        assertEquals(3, requests().size());
        for (LoggedRequest request : requests()) {
            assertEquals(Long.toString(START), param(request, "start_time"), request.getUrl());
            assertEquals("1d", param(request, "bucket_width"), request.getUrl());
        }
        assertEveryRequestHas("Authorization", "Bearer " + KEY);
        assertNoUnmatchedRequests();
        assertEquals(START + 4 * DAY, result.cursor("usage_completions").asLong());
    }

    @Test
    void secondRunStartsAtTheLastBucket() {
        stubThreeCompletionPages();
        CliResult first = read("openai", config(), "usage_completions").assertSucceeded();
        long cursor = first.cursor("usage_completions").asLong();

        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/organization/usage/completions"))
                .withQueryParam("start_time", equalTo(Long.toString(cursor)))
                .willReturn(json(page(List.of(completionsBucket(cursor, null), completionsBucket(cursor + DAY, null)), null))));
        CliResult second = read("openai", config(), "usage_completions", first.finalState()).assertSucceeded();

        second.assertCount("usage_completions", 2);
        assertNoUnmatchedRequests();
        assertEquals(cursor + DAY, second.cursor("usage_completions").asLong());
    }

    @Test
    void startTimeDefaultsToSevenDaysAgo() {
        server.stubFor(get(urlPathEqualTo("/v1/organization/costs")).willReturn(json(page(List.of(costBucket(START, null)), null))));

        read("openai", obj("admin_api_key", KEY, "base_url", origin() + "/v1/organization"), "costs").assertSucceeded().assertCount("costs", 1);

        long sent = Long.parseLong(param(requests("/v1/organization/costs").get(0), "start_time"));
        long expected = Instant.now().minus(Duration.ofDays(7)).getEpochSecond();
        assertTrue(Math.abs(sent - expected) < 3600, "start_time " + sent + " is not about 7 days ago (" + expected + ")");
    }

    @Test
    void groupedStreamsSendGroupBy() {
        server.stubFor(get(urlPathEqualTo("/v1/organization/usage/completions")).withQueryParam("group_by", equalTo("model"))
                .willReturn(json(page(List.of(completionsBucket(START, "gpt-4o-2024-08-06")), null))));
        server.stubFor(get(urlPathEqualTo("/v1/organization/costs")).withQueryParam("group_by", equalTo("line_item"))
                .withQueryParam("limit", equalTo("180"))
                .willReturn(json(page(List.of(costBucket(START, "gpt-4o, input"), costBucket(START + DAY, "gpt-4o, output")), null))));

        CliResult result = read("openai", config(), "usage_completions_by_model,costs_by_line_item").assertSucceeded();

        result.assertCount("usage_completions_by_model", 1);
        result.assertCount("costs_by_line_item", 2);
        assertEquals("gpt-4o-2024-08-06", result.records("usage_completions_by_model").get(0).at("/results/0/model").asText());
        assertNoUnmatchedRequests();
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        // streams sharing an endpoint differ by group_by; one stub per endpoint serves them all
        Map<String, Integer> perPath = new LinkedHashMap<>();
        int i = 0;
        for (String path : new java.util.LinkedHashSet<>(STREAMS.values())) {
            int count = i++ % 3 + 1;
            List<ObjectNode> buckets = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                buckets.add(path.equals("/costs") ? costBucket(START + n * DAY, null) : completionsBucket(START + n * DAY, null));
            }
            server.stubFor(get(urlPathEqualTo("/v1/organization" + path)).willReturn(json(page(buckets, null))));
            perPath.put(path, count);
        }
        STREAMS.forEach((stream, path) -> expected.put(stream, perPath.get(path)));

        CliResult result = read("openai", config(), null);

        assertCounts(result, expected);
        assertEveryRequestHas("Authorization", "Bearer " + KEY);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(STREAMS.keySet()), streamNames("openai"));
    }

    @Test
    void aliasOpenaiBillingIsTheSameConnector() {
        assertEquals(streamNames("openai"), streamNames("openai-billing"));
        stubThreeCompletionPages();

        CliResult result = read("openai-billing", config(), "usage_completions").assertSucceeded();

        result.assertCount("usage_completions", 5);
        assertEquals("openai", result.summary().path("connector").asText());
    }

    @Test
    void checkSucceedsWithAValidAdminKey() {
        server.stubFor(get(urlPathEqualTo("/v1/organization/projects")).willReturn(json(obj("object", "list", "data", arr(obj(
                "id", "proj_abc", "object", "organization.project", "name", "Default project", "created_at", 1711471533,
                "archived_at", null, "status", "active")), "first_id", "proj_abc", "last_id", "proj_abc", "has_more", false))));

        CliResult result = check("openai", config());

        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        assertEveryRequestHas("Authorization", "Bearer " + KEY);
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/organization/projects")));
    }

    @Test
    void checkFailsOnUnauthorizedWithoutShowingTheKey() {
        server.stubFor(get(urlPathEqualTo("/v1/organization/projects")).willReturn(status(401, obj("error", obj(
                "message", "Incorrect API key provided: sk-admin-****6789. You can find your API key at https://platform.openai.com/account/api-keys.",
                "type", "invalid_request_error", "param", null, "code", "invalid_api_key")))));

        CliResult result = check("openai", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, KEY);
    }
}
