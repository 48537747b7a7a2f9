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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The github connector against stubs shaped like api.github.com: Link rel="next" pages, billing objects. */
class GitHubConnectorTest extends ConnectorTestBase {

    private static final String TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String ORG = "acme";

    private ObjectNode config() {
        return obj("access_token", TOKEN, "org", ORG, "base_url", origin());
    }

    /** GitHub's usual response headers. */
    private static ResponseDefinitionBuilder github(JsonNode body) {
        return json(body).withHeader("X-GitHub-Api-Version-Selected", "2022-11-28").withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "4987").withHeader("X-RateLimit-Resource", "core")
                .withHeader("X-GitHub-Request-Id", "CB3A:1F2E:9A1B2C:A3B4C5:6745E0F1");
    }

    private static ObjectNode member(int n) {
        return obj("login", "octocat" + n, "id", 583231 + n, "node_id", "MDQ6VXNlcjU4MzIz" + n,
                "avatar_url", "https://avatars.githubusercontent.com/u/" + (583231 + n) + "?v=4",
                "url", "https://api.github.com/users/octocat" + n, "type", "User", "user_view_type", "public", "site_admin", false);
    }

    private String link(String path, int page, int last) {
        String next = "<" + origin() + path + "?per_page=100&page=" + page + ">; rel=\"next\"";
        String lastLink = "<" + origin() + path + "?per_page=100&page=" + last + ">; rel=\"last\"";
        return next + ", " + lastLink;
    }

    @Test
    void membersFollowTheLinkHeader() {
        List<ObjectNode> all = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            all.add(member(n));
        }
        // GitHub's next links point at /organizations/<id>/..., not the path first requested
        String next = "/organizations/9919/members";
        server.stubFor(get(urlPathEqualTo("/orgs/acme/members")).withQueryParam("per_page", equalTo("100"))
                .withQueryParam("page", absent())
                .willReturn(github(Json.arr(all.subList(0, 3))).withHeader("Link", link(next, 2, 3))));
        server.stubFor(get(urlPathEqualTo(next)).withQueryParam("page", equalTo("2"))
                .willReturn(github(Json.arr(all.subList(3, 6))).withHeader("Link", link(next, 3, 3))));
        server.stubFor(get(urlPathEqualTo(next)).withQueryParam("page", equalTo("3"))
                .willReturn(github(Json.arr(all.subList(6, 7))).withHeader("Link",
                        "<" + origin() + next + "?per_page=100&page=1>; rel=\"first\", <" + origin() + next + "?per_page=100&page=2>; rel=\"prev\"")));

        CliResult result = read("github", config(), "org_members").assertSucceeded();

        result.assertCount("org_members", 7);
        assertUnique(result, "org_members", r -> r.path("id").asText());
        server.verify(1, getRequestedFor(urlPathEqualTo("/orgs/acme/members")));
        server.verify(1, getRequestedFor(urlPathEqualTo(next)).withQueryParam("page", equalTo("2")));
        server.verify(1, getRequestedFor(urlPathEqualTo(next)).withQueryParam("page", equalTo("3")));
        assertEquals(3, requests().size());
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertEveryRequestHas("X-GitHub-Api-Version", "2022-11-28");
        assertEveryRequestHas("Accept", "application/vnd.github+json");
        assertEquals(ORG, result.records("org_members").get(6).path("org").asText());
        assertNoUnmatchedRequests();
    }

    @Test
    void copilotSeatsAreReadFromTheSeatsArrayAcrossPages() {
        String path = "/orgs/acme/copilot/billing/seats";
        ObjectNode[] seats = new ObjectNode[5];
        for (int n = 0; n < 5; n++) {
            seats[n] = obj("created_at", "2024-08-03T18:00:00-06:00", "updated_at", "2024-09-23T15:00:00-06:00",
                    "pending_cancellation_date", null, "last_activity_at", "2024-10-14T00:53:32-06:00",
                    "last_activity_editor", "vscode/1.77.3/copilot/1.86.82", "plan_type", "business",
                    "assignee", member(n), "assigning_team", null);
        }
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", absent()).willReturn(
                github(obj("total_seats", 5, "seats", arr(seats[0], seats[1]))).withHeader("Link", link(path, 2, 3))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")).willReturn(
                github(obj("total_seats", 5, "seats", arr(seats[2], seats[3]))).withHeader("Link", link(path, 3, 3))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("3")).willReturn(
                github(obj("total_seats", 5, "seats", arr(seats[4])))));

        CliResult result = read("github", config(), "copilot_seats").assertSucceeded();

        result.assertCount("copilot_seats", 5);
        assertUnique(result, "copilot_seats", r -> r.at("/assignee/id").asText());
        assertEquals(3, requests().size());
        assertNoUnmatchedRequests();
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        server.stubFor(get(urlPathEqualTo("/orgs/acme/settings/billing/actions")).willReturn(github(obj(
                "total_minutes_used", 305, "total_paid_minutes_used", 0, "included_minutes", 3000,
                "minutes_used_breakdown", obj("UBUNTU", 205, "MACOS", 10, "WINDOWS", 90)))));
        server.stubFor(get(urlPathEqualTo("/orgs/acme/settings/billing/packages")).willReturn(github(obj(
                "total_gigabytes_bandwidth_used", 50, "total_paid_gigabytes_bandwidth_used", 40, "included_gigabytes_bandwidth", 10))));
        server.stubFor(get(urlPathEqualTo("/orgs/acme/settings/billing/shared-storage")).willReturn(github(obj(
                "days_left_in_billing_cycle", 20, "estimated_paid_storage_for_month", 15, "estimated_storage_for_month", 40))));
        server.stubFor(get(urlPathEqualTo("/orgs/acme/copilot/billing")).willReturn(github(obj(
                "seat_breakdown", obj("total", 12, "added_this_cycle", 9, "pending_invitation", 0, "pending_cancellation", 0,
                        "active_this_cycle", 12, "inactive_this_cycle", 11),
                "seat_management_setting", "assign_selected", "ide_chat", "enabled", "platform_chat", "enabled", "cli", "enabled",
                "public_code_suggestions", "block", "plan_type", "business"))));
        server.stubFor(get(urlPathEqualTo("/orgs/acme/copilot/billing/seats")).willReturn(github(obj("total_seats", 1, "seats", arr(obj(
                "created_at", "2024-08-03T18:00:00-06:00", "updated_at", "2024-09-23T15:00:00-06:00", "plan_type", "business",
                "assignee", member(1), "assigning_team", null))))));
        server.stubFor(get(urlPathEqualTo("/organizations/acme/settings/billing/usage")).willReturn(github(obj("usageItems", arr(
                obj("date", "2025-11-01", "product", "actions", "sku", "actions_linux", "quantity", 100, "unitType", "minutes",
                        "pricePerUnit", 0.008, "grossAmount", 0.8, "discountAmount", 0.8, "netAmount", 0.0,
                        "organizationName", "acme", "repositoryName", "acme/api"),
                obj("date", "2025-11-01", "product", "actions", "sku", "actions_linux", "quantity", 40, "unitType", "minutes",
                        "pricePerUnit", 0.008, "grossAmount", 0.32, "discountAmount", 0.32, "netAmount", 0.0,
                        "organizationName", "acme", "repositoryName", "acme/web"),
                obj("date", "2025-11-02", "product", "packages", "sku", "packages_storage", "quantity", 1.5, "unitType", "GigabyteHours",
                        "pricePerUnit", 0.00033602, "grossAmount", 0.0005, "discountAmount", 0.0, "netAmount", 0.0005,
                        "organizationName", "acme", "repositoryName", "acme/api"))))));
        server.stubFor(get(urlPathEqualTo("/orgs/acme/members")).willReturn(github(arr(member(1), member(2)))));
        server.stubFor(get(urlPathEqualTo("/orgs/acme/repos")).withQueryParam("type", equalTo("all")).willReturn(github(arr(
                obj("id", 1296269, "node_id", "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name", "api", "full_name", "acme/api", "private", true,
                        "size", 108, "updated_at", "2025-10-26T19:14:43Z"),
                obj("id", 1296270, "node_id", "MDEwOlJlcG9zaXRvcnkxMjk2Mjcw", "name", "web", "full_name", "acme/web", "private", false,
                        "size", 2048, "updated_at", "2025-11-01T08:00:00Z")))));

        CliResult result = read("github", config(), null);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("actions_billing", 1);
        expected.put("packages_billing", 1);
        expected.put("shared_storage_billing", 1);
        expected.put("copilot_billing", 1);
        expected.put("copilot_seats", 1);
        expected.put("actions_usage", 3);
        expected.put("org_members", 2);
        expected.put("org_repos", 2);
        assertCounts(result, expected);
        for (String single : List.of("actions_billing", "packages_billing", "shared_storage_billing", "copilot_billing")) {
            assertEquals(ORG, result.records(single).get(0).path("org").asText(), single + " gets the org field for its primary key");
        }
        assertEquals(305, result.records("actions_billing").get(0).path("total_minutes_used").asInt());
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(expected.keySet()), streamNames("github"));
        assertEquals(streamNames("github"), streamNames("github-billing"));
    }

    @Test
    void checkSucceedsWhenTheOrganizationIsReadable() {
        server.stubFor(get(urlPathEqualTo("/orgs/acme")).willReturn(github(obj("login", "acme", "id", 9919, "type", "Organization"))));

        CliResult result = check("github-billing", config());

        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void checkFailsOnBadCredentialsWithoutShowingTheToken() {
        server.stubFor(get(urlPathEqualTo("/orgs/acme")).willReturn(status(401, obj("message", "Bad credentials",
                "documentation_url", "https://docs.github.com/rest", "status", "401"))));

        CliResult result = check("github", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, TOKEN);
    }
}
