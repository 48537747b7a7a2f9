package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.arr;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cloudflare connector against stubs shaped like API v4: result + result_info envelopes, page/per_page. */
class CloudflareConnectorTest extends ConnectorTestBase {

    private static final String TOKEN = "Yq9mEXAMPLEtokenZ3kP0aBcDeFgHiJkLmNoPqRsTu";
    private static final String ACCOUNT = "8a63ca6ad692678ffdd8aff0b1aaaa4a";
    private static final String BASE = "/client/v4/accounts/" + ACCOUNT;

    private ObjectNode config() {
        return obj("api_token", TOKEN, "account_id", ACCOUNT, "base_url", origin() + "/client/v4");
    }

    private static ObjectNode envelope(JsonNode result, JsonNode resultInfo) {
        ObjectNode body = obj("success", true, "errors", arr(), "messages", arr(), "result", result);
        if (resultInfo != null) {
            body.set("result_info", resultInfo);
        }
        return body;
    }

    private static ObjectNode subscription(int n) {
        return obj("id", String.format("506e3185e9c882d175a2d0cb0093%04d", n), "app", obj("install_id", null),
                "component_values", arr(obj("name", "page_rules", "value", 20, "default", 5, "price", 5)),
                "currency", "USD", "current_period_start", "2025-11-01T00:00:00Z", "current_period_end", "2025-12-01T00:00:00Z",
                "frequency", "monthly", "price", 20.0, "state", "Paid",
                "rate_plan", obj("id", "business", "currency", "USD", "externally_managed", false, "is_contract", false,
                        "public_name", "Business Plan", "scope", "zone", "sets", arr()));
    }

    private static ObjectNode account() {
        return obj("id", ACCOUNT, "name", "Acme Corp", "type", "standard", "created_on", "2014-03-01T12:21:02.0000Z",
                "settings", obj("enforce_twofactor", false, "api_access_enabled", null, "abuse_contact_email", null));
    }

    @Test
    void subscriptionsPageUntilTotalPages() {
        // full pages of per_page=50, then a short last page: 120 subscriptions on 3 pages
        List<ObjectNode> all = new ArrayList<>();
        for (int n = 1; n <= 120; n++) {
            all.add(subscription(n));
        }
        int[][] pages = {{0, 50}, {50, 100}, {100, 120}};
        for (int p = 0; p < 3; p++) {
            List<ObjectNode> items = all.subList(pages[p][0], pages[p][1]);
            server.stubFor(get(urlPathEqualTo(BASE + "/subscriptions")).withQueryParam("page", equalTo(Integer.toString(p + 1)))
                    .withQueryParam("per_page", equalTo("50"))
                    .willReturn(json(envelope(Json.arr(items), obj("page", p + 1, "per_page", 50, "count", items.size(),
                            "total_count", 120, "total_pages", 3))).withHeader("cf-ray", "8e1f2a3b4c5d6e7f-AMS")));
        }

        CliResult result = read("cloudflare", config(), "subscriptions").assertSucceeded();

        result.assertCount("subscriptions", 120);
        assertUnique(result, "subscriptions", r -> r.path("id").asText());
        for (int p = 1; p <= 3; p++) {
            server.verify(1, getRequestedFor(urlPathEqualTo(BASE + "/subscriptions")).withQueryParam("page", equalTo(Integer.toString(p))));
        }
        assertEquals(3, requests().size());
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        server.stubFor(get(urlPathEqualTo(BASE)).willReturn(json(envelope(account(), null))));
        server.stubFor(get(urlPathEqualTo(BASE + "/billing/profile")).willReturn(json(envelope(obj(
                "id", "0020c268dbf54e975e7fe8563df49d52", "first_name", "Jane", "last_name", "Doe", "address", "123 Main Street",
                "city", "Austin", "state", "TX", "zipcode", "78701", "country", "US", "primary_email", "billing@acme.example",
                "payment_gateway", "stripe", "card_number", "4242", "created_on", "2014-03-01T12:21:59.3456Z",
                "edited_on", "2024-06-01T09:00:00.0000Z"), null))));
        server.stubFor(get(urlPathEqualTo(BASE + "/subscriptions")).willReturn(json(envelope(
                Json.arr(List.of(subscription(1), subscription(2))),
                obj("page", 1, "per_page", 50, "count", 2, "total_count", 2, "total_pages", 1)))));

        CliResult result = read("cloudflare", config(), null);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("account", 1);
        expected.put("billing_profile", 1);
        expected.put("subscriptions", 2);
        assertCounts(result, expected);
        assertEquals("Acme Corp", result.records("account").get(0).path("name").asText());
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(expected.keySet()), streamNames("cloudflare"));
        assertEquals(streamNames("cloudflare"), streamNames("cloudflare-billing"));
    }

    @Test
    void checkSucceedsWhenTheAccountIsReadable() {
        server.stubFor(get(urlPathEqualTo(BASE)).willReturn(json(envelope(account(), null))));

        CliResult result = check("cloudflare", config());

        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void checkFailsOnUnauthorizedWithoutShowingTheToken() {
        server.stubFor(get(urlPathEqualTo(BASE)).willReturn(status(401, obj("success", false,
                "errors", arr(obj("code", 10000, "message", "Authentication error")), "messages", arr(), "result", null))));

        CliResult result = check("cloudflare", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, TOKEN);
    }
}
