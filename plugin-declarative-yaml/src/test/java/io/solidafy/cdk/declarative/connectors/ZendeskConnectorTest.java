package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.arr;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The zendesk connector against stubs shaped like the Support API: cursor pagination with
 * meta.after_cursor / meta.has_more, and the cursor-based incremental exports (after_url, end_of_stream).
 */
class ZendeskConnectorTest extends ConnectorTestBase {

    private static final String EMAIL = "agent@acme.example";
    private static final String API_TOKEN = "6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv";
    private static final String API = "/api/v2";

    private ObjectNode config() {
        return obj("subdomain", "acme", "email", EMAIL, "api_token", API_TOKEN, "base_url", origin() + API);
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((EMAIL + "/token:" + API_TOKEN).getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode organization(int n) {
        return obj("id", 361898904439L + n, "url", "https://acme.zendesk.com/api/v2/organizations/" + (361898904439L + n) + ".json",
                "name", "Customer Org " + n, "shared_tickets", false, "shared_comments", false, "external_id", null,
                "created_at", "2023-10-01T12:00:00Z", "updated_at", "2024-03-0" + n + "T12:00:00Z", "domain_names", arr("org" + n + ".example"),
                "details", "", "notes", "", "group_id", null, "tags", arr("vip"), "organization_fields", obj());
    }

    private static ObjectNode cursorPage(String key, List<? extends JsonNode> items, String after, boolean hasMore) {
        return obj(key, Json.arr(items), "meta", obj("has_more", hasMore, "after_cursor", after, "before_cursor", "eyJvIjoibmljZV9pZCIsInYiOiJhUUFBQUFBQUFBQUEifQ=="),
                "links", obj("prev", null, "next", hasMore ? "https://acme.zendesk.com/api/v2/" + key + ".json?page%5Bafter%5D=" + after + "&page%5Bsize%5D=100" : null));
    }

    private static ObjectNode ticket(long id, String updatedAt) {
        return obj("id", id, "url", "https://acme.zendesk.com/api/v2/tickets/" + id + ".json", "external_id", null, "via", obj("channel", "web"),
                "created_at", "2024-02-20T08:00:00Z", "updated_at", updatedAt, "generated_timestamp", Instant.parse(updatedAt).getEpochSecond(),
                "type", "incident", "subject", "Printer on fire #" + id, "description", "The fire is very colorful.", "priority", "high",
                "status", "open", "requester_id", 20978392L, "submitter_id", 76872L, "assignee_id", 235323L, "organization_id", 509974L,
                "group_id", 98738L, "tags", arr("enterprise", "other_tag"), "custom_fields", arr(), "satisfaction_rating", null);
    }

    private ObjectNode export(List<? extends JsonNode> tickets, String afterCursor, boolean endOfStream) {
        return obj("tickets", Json.arr(tickets),
                "after_url", origin() + API + "/incremental/tickets/cursor.json?cursor=" + afterCursor,
                "after_cursor", afterCursor, "before_url", null, "before_cursor", null, "end_of_stream", endOfStream);
    }

    @Test
    void listsPageWithMetaAfterCursor() {
        String path = API + "/organizations.json";
        List<ObjectNode> all = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            all.add(organization(n));
        }
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page[size]", equalTo("100")).withQueryParam("page[after]", absent())
                .willReturn(json(cursorPage("organizations", all.subList(0, 2), "eyJvIjoibmljZV9pZCIsInYiOiJhUUlBQUFBQUFBQUEifQ==", true))
                        .withHeader("X-Rate-Limit", "700").withHeader("X-Rate-Limit-Remaining", "699")));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page[after]", equalTo("eyJvIjoibmljZV9pZCIsInYiOiJhUUlBQUFBQUFBQUEifQ=="))
                .willReturn(json(cursorPage("organizations", all.subList(2, 4), "eyJvIjoibmljZV9pZCIsInYiOiJhUVFBQUFBQUFBQUEifQ==", true))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page[after]", equalTo("eyJvIjoibmljZV9pZCIsInYiOiJhUVFBQUFBQUFBQUEifQ=="))
                .willReturn(json(cursorPage("organizations", all.subList(4, 5), "eyJvIjoibmljZV9pZCIsInYiOiJhUVVBQUFBQUFBQUEifQ==", false))));

        CliResult result = read("zendesk", config(), "organizations").assertSucceeded();

        result.assertCount("organizations", 5);
        assertUnique(result, "organizations", r -> r.path("id").asText());
        assertEquals(3, requests().size());
        assertEveryRequestHas("Authorization", basic());
        assertNoUnmatchedRequests();
    }

    private void stubThreeTicketExportPages(long startTime) {
        String path = API + "/incremental/tickets/cursor.json";
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("start_time", equalTo(Long.toString(startTime)))
                .willReturn(json(export(List.of(ticket(35436, "2024-03-01T10:00:00Z"), ticket(35437, "2024-03-02T10:00:00Z")),
                        "MTcwOTM3NDQwMC4wfHwzNTQzN3w=", false))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("cursor", equalTo("MTcwOTM3NDQwMC4wfHwzNTQzN3w="))
                .willReturn(json(export(List.of(ticket(35438, "2024-03-04T10:00:00Z"), ticket(35439, "2024-03-03T10:00:00Z")),
                        "MTcwOTU0NzIwMC4wfHwzNTQzOXw=", false))));
        // the last page still carries after_url: end_of_stream is what ends the export
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("cursor", equalTo("MTcwOTU0NzIwMC4wfHwzNTQzOXw="))
                .willReturn(json(export(List.of(ticket(35440, "2024-03-05T10:00:00Z")), "MTcwOTYzMzYwMC4wfHwzNTQ0MHw=", true))));
    }

    @Test
    void ticketExportFollowsAfterUrlUntilEndOfStream() {
        stubThreeTicketExportPages(Instant.parse("2024-01-01T00:00:00Z").getEpochSecond());
        ObjectNode config = config();
        config.put("start_date", "2024-01-01T00:00:00Z");

        CliResult result = read("zendesk", config, "tickets").assertSucceeded();

        result.assertCount("tickets", 5);
        assertUnique(result, "tickets", r -> r.path("id").asText());
        assertEquals(3, requests().size());
        server.verify(0, getRequestedFor(urlPathEqualTo(API + "/incremental/tickets/cursor.json"))
                .withQueryParam("cursor", equalTo("MTcwOTYzMzYwMC4wfHwzNTQ0MHw=")));
        for (var later : requests().subList(1, 3)) {
            // after_url carries only the cursor; start_time belongs to the first request
            assertEquals(null, param(later, "start_time"), later.getUrl());
        }
        assertEveryRequestHas("Authorization", basic());
        assertNoUnmatchedRequests();
        assertEquals("2024-03-05T10:00:00Z", result.cursor("tickets").asText());
    }

    @Test
    void secondRunStartsTheExportAtTheSavedCursor() {
        stubThreeTicketExportPages(0L);
        CliResult first = read("zendesk", config(), "tickets").assertSucceeded();

        server.resetAll();
        long since = Instant.parse("2024-03-05T10:00:00Z").getEpochSecond();
        server.stubFor(get(urlPathEqualTo(API + "/incremental/tickets/cursor.json")).withQueryParam("start_time", equalTo(Long.toString(since)))
                .willReturn(json(export(List.of(ticket(35440, "2024-03-05T10:00:00Z"), ticket(35441, "2024-03-06T09:00:00Z")),
                        "MTcwOTcxMjAwMC4wfHwzNTQ0MXw=", true))));
        CliResult second = read("zendesk", config(), "tickets", first.finalState()).assertSucceeded();

        second.assertCount("tickets", 2);
        assertNoUnmatchedRequests();
        assertEquals("2024-03-06T09:00:00Z", second.cursor("tickets").asText());
    }

    @Test
    void anOAuthAccessTokenIsSentAsBearer() {
        server.stubFor(get(urlPathEqualTo(API + "/groups.json")).willReturn(json(cursorPage("groups", List.of(obj(
                "id", 360002246231L, "name", "Support", "description", "", "default", true, "deleted", false, "is_public", true,
                "created_at", "2023-01-01T00:00:00Z", "updated_at", "2023-06-01T00:00:00Z")), null, false))));
        ObjectNode config = obj("subdomain", "acme", "access_token", "0b3e8f1a2c4d6e8f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f",
                "base_url", origin() + API);

        read("zendesk", config, "groups").assertSucceeded().assertCount("groups", 1);

        assertEveryRequestHas("Authorization", "Bearer 0b3e8f1a2c4d6e8f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f");
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        Map<String, String> lists = new LinkedHashMap<>();
        for (String name : List.of("organizations", "groups", "ticket_metrics", "macros", "triggers", "automations", "views",
                "satisfaction_ratings", "brands", "ticket_fields", "ticket_forms", "tags")) {
            lists.put(name, API + "/" + name + ".json");
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("tickets", 2);
        expected.put("users", 1);
        server.stubFor(get(urlPathEqualTo(API + "/incremental/tickets/cursor.json")).willReturn(json(export(
                List.of(ticket(1, "2024-03-01T10:00:00Z"), ticket(2, "2024-03-02T10:00:00Z")), "MTcwOQ==", true))));
        server.stubFor(get(urlPathEqualTo(API + "/incremental/users/cursor.json")).willReturn(json(obj("users", arr(obj(
                "id", 35436L, "name", "Johnny Agent", "email", "johnny@acme.example", "role", "agent", "active", true,
                "created_at", "2023-01-01T00:00:00Z", "updated_at", "2024-03-01T00:00:00Z")),
                "after_url", null, "after_cursor", null, "end_of_stream", true))));
        int i = 0;
        for (Map.Entry<String, String> entry : lists.entrySet()) {
            int count = i++ % 3 + 1;
            List<ObjectNode> items = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                items.add(entry.getKey().equals("tags")
                        ? obj("name", "tag_" + n, "count", 10 + n)
                        : obj("id", 900L + n, "url", "https://acme.zendesk.com" + entry.getValue(), "created_at", "2023-01-01T00:00:00Z",
                                "updated_at", "2024-01-0" + (n + 1) + "T00:00:00Z"));
            }
            server.stubFor(get(urlPathEqualTo(entry.getValue())).willReturn(json(cursorPage(entry.getKey(), items, null, false))));
            expected.put(entry.getKey(), count);
        }

        CliResult result = read("zendesk", config(), null);

        assertCounts(result, expected);
        assertEveryRequestHas("Authorization", basic());
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(expected.keySet()), streamNames("zendesk"));
    }

    @Test
    void checkSucceedsWithValidCredentials() {
        server.stubFor(get(urlPathEqualTo(API + "/tickets/count.json")).willReturn(json(obj("count", obj(
                "value", 102, "refreshed_at", "2024-03-01T10:00:00+00:00")))));

        CliResult result = check("zendesk", config());

        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        assertEveryRequestHas("Authorization", basic());
    }

    @Test
    void checkFailsOnUnauthorizedWithoutShowingTheToken() {
        server.stubFor(get(urlPathEqualTo(API + "/tickets/count.json")).willReturn(status(401, obj("error", "Couldn't authenticate you"))
                .withHeader("WWW-Authenticate", "Basic realm=\"Web Password\"")));

        CliResult result = check("zendesk", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, API_TOKEN);
    }
}
