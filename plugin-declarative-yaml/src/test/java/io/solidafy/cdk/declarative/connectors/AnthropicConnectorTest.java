package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The anthropic connector against stubs shaped like the Admin API: usage/cost reports paged with
 * page=<next_page>, lists paged with after_id=<last_id>, Claude Code analytics one day per request.
 */
class AnthropicConnectorTest extends ConnectorTestBase {

    private static final String KEY = "sk-ant-admin01-Qw3rTy8xAmPlE-KeY_0123456789abcdefghijklmnopqrstu-AAAA";
    private static final String BASE = "/v1/organizations";

    private ObjectNode config() {
        return obj("admin_api_key", KEY, "start_date", "2025-08-01T00:00:00Z", "start_date_short", "2025-08-01",
                "base_url", origin() + BASE);
    }

    private static String day(int offset) {
        return Instant.parse("2025-08-01T00:00:00Z").plus(Duration.ofDays(offset)).toString();
    }

    private static ObjectNode usageBucket(int offset) {
        return obj("starting_at", day(offset), "ending_at", day(offset + 1), "results", arr(obj(
                "uncached_input_tokens", 15_320, "cache_creation", obj("ephemeral_1h_input_tokens", 0, "ephemeral_5m_input_tokens", 2_048),
                "cache_read_input_tokens", 40_960, "output_tokens", 3_870, "server_tool_use", obj("web_search_requests", 2),
                "api_key_id", null, "workspace_id", null, "model", null, "service_tier", null, "context_window", null)));
    }

    private static ObjectNode costBucket(int offset) {
        return obj("starting_at", day(offset), "ending_at", day(offset + 1), "results", arr(obj(
                "currency", "USD", "amount", "123.78912", "workspace_id", null, "description", null, "cost_type", null,
                "context_window", null, "model", null, "service_tier", null, "token_type", null)));
    }

    private static ObjectNode report(List<? extends JsonNode> data, String nextPage) {
        return obj("data", Json.arr(data), "has_more", nextPage != null, "next_page", nextPage);
    }

    private static ObjectNode workspace(int n) {
        return obj("id", String.format("wrkspc_01JwQvzr7rXLA5AGx3HKf%04d", n), "type", "workspace", "name", "Workspace " + n,
                "created_at", "2024-10-30T23:58:27.427722Z", "archived_at", null, "display_color", "#6C5BB9");
    }

    private static ObjectNode idList(List<ObjectNode> data, boolean hasMore) {
        return obj("data", Json.arr(data), "has_more", hasMore, "first_id", data.get(0).path("id").asText(),
                "last_id", data.get(data.size() - 1).path("id").asText());
    }

    private static ObjectNode claudeCodeDay(String date, String email) {
        return obj("date", date, "actor", obj("type", "user_actor", "email_address", email),
                "organization_id", "dc9f6c26-b22c-4831-8d01-0446bada88f1", "customer_type", "api", "terminal_type", "vscode",
                "core_metrics", obj("num_sessions", 5, "lines_of_code", obj("added", 1543, "removed", 892),
                        "commits_by_claude_code", 12, "pull_requests_by_claude_code", 2),
                "tool_actions", obj("edit_tool", obj("accepted", 45, "rejected", 5)),
                "model_breakdown", arr(obj("model", "claude-sonnet-4-20250514", "tokens", obj("input", 100000, "output", 35000,
                        "cache_read", 10000, "cache_creation", 5000), "estimated_cost", obj("currency", "USD", "amount", 1025))));
    }

    private void stubThreeUsagePages() {
        String path = BASE + "/usage_report/messages";
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent())
                .willReturn(json(report(List.of(usageBucket(0), usageBucket(1)), "page_MjAyNS0wOC0wM1QwMDowMDowMFo="))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("page_MjAyNS0wOC0wM1QwMDowMDowMFo="))
                .willReturn(json(report(List.of(usageBucket(2), usageBucket(3)), "page_MjAyNS0wOC0wNVQwMDowMDowMFo="))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("page_MjAyNS0wOC0wNVQwMDowMDowMFo="))
                .willReturn(json(report(List.of(usageBucket(4)), null))));
    }

    @Test
    void usageReportPagesWithNextPage() {
        stubThreeUsagePages();

        CliResult result = read("anthropic", config(), "usage_messages").assertSucceeded();

        result.assertCount("usage_messages", 5);
        assertUnique(result, "usage_messages", r -> r.path("starting_at").asText());
        assertEquals(3, requests().size());
        for (LoggedRequest request : requests()) {
            assertEquals("2025-08-01T00:00:00Z", param(request, "starting_at"), request.getUrl());
            assertEquals("1d", param(request, "bucket_width"), request.getUrl());
        }
        assertEveryRequestHas("x-api-key", KEY);
        assertEveryRequestHas("anthropic-version", "2023-06-01");
        assertNoUnmatchedRequests();
        assertEquals(day(4), result.cursor("usage_messages").asText());
    }

    @Test
    void secondRunStartsAtTheSavedBucket() {
        stubThreeUsagePages();
        CliResult first = read("anthropic", config(), "usage_messages").assertSucceeded();
        String cursor = first.cursor("usage_messages").asText();

        server.resetAll();
        server.stubFor(get(urlPathEqualTo(BASE + "/usage_report/messages")).withQueryParam("starting_at", equalTo(cursor))
                .willReturn(json(report(List.of(usageBucket(4), usageBucket(5)), null))));
        CliResult second = read("anthropic", config(), "usage_messages", first.finalState()).assertSucceeded();

        second.assertCount("usage_messages", 2);
        assertNoUnmatchedRequests();
        assertEquals(day(5), second.cursor("usage_messages").asText());
    }

    @Test
    void detailedUsageGroupsByModelWorkspaceAndTier() {
        server.stubFor(get(urlPathEqualTo(BASE + "/usage_report/messages"))
                .withQueryParam("group_by[]", havingExactly("model", "workspace_id", "service_tier"))
                .willReturn(json(report(List.of(usageBucket(0)), null))));
        server.stubFor(get(urlPathEqualTo(BASE + "/cost_report")).withQueryParam("group_by[]", havingExactly("description"))
                .willReturn(json(report(List.of(costBucket(0), costBucket(1)), null))));

        CliResult result = read("anthropic", config(), "usage_messages_detailed,cost_report_by_line_item").assertSucceeded();

        result.assertCount("usage_messages_detailed", 1);
        result.assertCount("cost_report_by_line_item", 2);
        assertNoUnmatchedRequests();
    }

    @Test
    void listsPageWithAfterIdWhileHasMore() {
        List<ObjectNode> all = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            all.add(workspace(n));
        }
        String path = BASE + "/workspaces";
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("after_id", absent()).withQueryParam("limit", equalTo("100"))
                .willReturn(json(idList(all.subList(0, 3), true))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("after_id", equalTo(all.get(2).path("id").asText()))
                .willReturn(json(idList(all.subList(3, 6), true))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("after_id", equalTo(all.get(5).path("id").asText()))
                .willReturn(json(idList(all.subList(6, 7), false))));

        CliResult result = read("anthropic", config(), "workspaces").assertSucceeded();

        result.assertCount("workspaces", 7);
        assertUnique(result, "workspaces", r -> r.path("id").asText());
        assertEquals(3, requests().size());
        assertEveryRequestHas("x-api-key", KEY);
        assertNoUnmatchedRequests();
    }

    @Test
    void claudeCodeReadsOneRequestPerDay() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int back = 0; back <= 2; back++) {
            String date = today.minusDays(back).toString();
            server.stubFor(get(urlPathEqualTo(BASE + "/usage_report/claude_code")).withQueryParam("starting_at", equalTo(date))
                    .willReturn(json(report(List.of(claudeCodeDay(date + "T00:00:00Z", "dev" + back + "@company.com")), null))));
        }
        ObjectNode config = config();
        config.put("start_date_short", today.minusDays(2).toString());

        CliResult result = read("anthropic", config, "usage_claude_code").assertSucceeded();

        List<String> days = requests(BASE + "/usage_report/claude_code").stream().map(r -> param(r, "starting_at")).toList();
        assertEquals(days.size(), days.stream().distinct().count(), "a day was requested twice: " + days);
        assertTrue(days.containsAll(List.of(today.minusDays(2).toString(), today.minusDays(1).toString())), days.toString());
        result.assertCount("usage_claude_code", days.size());
        assertNoUnmatchedRequests();
    }

    @Test
    void claudeCodeSecondRunStartsAtTheLastDaySeen() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int back = 0; back <= 3; back++) {
            String date = today.minusDays(back).toString();
            server.stubFor(get(urlPathEqualTo(BASE + "/usage_report/claude_code")).withQueryParam("starting_at", equalTo(date))
                    .willReturn(json(report(List.of(claudeCodeDay(date + "T00:00:00Z", "dev@company.com")), null))));
        }
        ObjectNode config = config();
        config.put("start_date_short", today.minusDays(3).toString());
        CliResult first = read("anthropic", config, "usage_claude_code").assertSucceeded();
        String lastDay = first.cursor("usage_claude_code").asText();
        assertEquals(today + "T00:00:00Z", lastDay);

        server.resetRequests();
        CliResult second = read("anthropic", config, "usage_claude_code", first.finalState()).assertSucceeded();

        // only today (still growing) is read again, not the days before
        List<String> days = requests(BASE + "/usage_report/claude_code").stream().map(r -> param(r, "starting_at")).toList();
        assertEquals(List.of(today.toString()), days);
        second.assertCount("usage_claude_code", 1);
    }

    @Test
    void startDatesDefaultToSevenDaysAgo() {
        server.stubFor(get(urlPathEqualTo(BASE + "/cost_report")).willReturn(json(report(List.of(costBucket(0)), null))));

        read("anthropic", obj("admin_api_key", KEY, "base_url", origin() + BASE), "cost_report").assertSucceeded()
                .assertCount("cost_report", 1);

        Instant sent = Instant.parse(param(requests(BASE + "/cost_report").get(0), "starting_at"));
        Instant expected = Instant.now().minus(Duration.ofDays(7));
        assertTrue(Duration.between(sent, expected).abs().toHours() < 1, "starting_at " + sent + " is not about 7 days ago");
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        server.stubFor(get(urlPathEqualTo(BASE + "/me")).willReturn(json(obj(
                "id", "12345678-1234-5678-1234-567812345678", "type", "organization", "name", "Acme Corp"))));
        server.stubFor(get(urlPathEqualTo(BASE + "/usage_report/messages"))
                .willReturn(json(report(List.of(usageBucket(0), usageBucket(1)), null))));
        server.stubFor(get(urlPathEqualTo(BASE + "/cost_report"))
                .willReturn(json(report(List.of(costBucket(0), costBucket(1), costBucket(2)), null))));
        server.stubFor(get(urlPathEqualTo(BASE + "/usage_report/claude_code")).withQueryParam("starting_at", equalTo(today))
                .willReturn(json(report(List.of(claudeCodeDay(today + "T00:00:00Z", "dev@company.com")), null))));
        server.stubFor(get(urlPathEqualTo(BASE + "/workspaces")).willReturn(json(idList(List.of(workspace(1), workspace(2)), false))));
        server.stubFor(get(urlPathEqualTo(BASE + "/api_keys")).willReturn(json(idList(List.of(obj(
                "id", "apikey_01Rj2N8SVvo6BePZj99NhmiT", "type", "api_key", "name", "Developer Key",
                "workspace_id", "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ", "created_at", "2024-10-30T23:58:27.427722Z",
                "created_by", obj("id", "user_01WCz1FkmYMm4gnmykNKUu3Q", "type", "user"),
                "partial_key_hint", "sk-ant-api03-R2D...igAA", "status", "active")), false))));
        server.stubFor(get(urlPathEqualTo(BASE + "/users")).willReturn(json(idList(List.of(
                obj("id", "user_01WCz1FkmYMm4gnmykNKUu3Q", "type", "user", "email", "jane@acme.example", "name", "Jane Doe",
                        "role", "admin", "added_at", "2024-10-30T23:58:27.427722Z"),
                obj("id", "user_01WCz1FkmYMm4gnmykNKUu3R", "type", "user", "email", "joe@acme.example", "name", "Joe Roe",
                        "role", "developer", "added_at", "2024-11-02T08:00:00.000000Z")), false))));
        server.stubFor(get(urlPathEqualTo(BASE + "/invites")).willReturn(json(idList(List.of(obj(
                "id", "invite_015gWxCN9Hfg2QhZwTK7Mdeu", "type", "invite", "email", "new@acme.example", "role", "user",
                "invited_at", "2024-10-30T23:58:27.427722Z", "expires_at", "2024-11-20T23:58:27.427722Z", "status", "pending")), false))));
        ObjectNode config = config();
        config.put("start_date_short", today);

        CliResult result = read("anthropic", config, null);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("organization", 1);
        for (String s : List.of("usage_messages", "usage_messages_by_model", "usage_messages_by_workspace", "usage_messages_by_api_key",
                "usage_messages_detailed")) {
            expected.put(s, 2);
        }
        for (String s : List.of("cost_report", "cost_report_by_workspace", "cost_report_by_line_item")) {
            expected.put(s, 3);
        }
        expected.put("usage_claude_code", 1);
        expected.put("usage_claude_code_by_user", 1);
        expected.put("workspaces", 2);
        expected.put("api_keys", 1);
        expected.put("users", 2);
        expected.put("invites", 1);
        assertCounts(result, expected);
        assertEveryRequestHas("x-api-key", KEY);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(expected.keySet()), streamNames("anthropic"));
        assertEquals(streamNames("anthropic"), streamNames("anthropic-billing"));
    }

    @Test
    void checkSucceedsWithAValidAdminKey() {
        server.stubFor(get(urlPathEqualTo(BASE + "/me")).willReturn(json(obj(
                "id", "12345678-1234-5678-1234-567812345678", "type", "organization", "name", "Acme Corp"))));

        CliResult result = check("anthropic", config());

        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/me")));
        assertEveryRequestHas("x-api-key", KEY);
    }

    @Test
    void checkFailsOnUnauthorizedWithoutShowingTheKey() {
        server.stubFor(get(urlPathEqualTo(BASE + "/me")).willReturn(status(401, obj("type", "error",
                "error", obj("type", "authentication_error", "message", "invalid x-api-key")))
                .withHeader("request-id", "req_011CSHoEeqs5C35K2UUqR7Fy")));

        CliResult result = check("anthropic", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, KEY);
    }
}
