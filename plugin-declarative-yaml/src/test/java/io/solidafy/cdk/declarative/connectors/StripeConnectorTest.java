package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.arr;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stripe connector against stubs shaped like api.stripe.com: has_more + starting_after lists. */
class StripeConnectorTest extends ConnectorTestBase {

    private static final String KEY = "sk_test_51NzQeYExampleKey0000000000000000wxyz";

    /** Every stream and its endpoint, as the Stripe API reference names them. */
    private static final Map<String, String> STREAMS = new LinkedHashMap<>();

    static {
        STREAMS.put("customers", "/customers");
        STREAMS.put("products", "/products");
        STREAMS.put("prices", "/prices");
        STREAMS.put("charges", "/charges");
        STREAMS.put("payment_intents", "/payment_intents");
        STREAMS.put("refunds", "/refunds");
        STREAMS.put("disputes", "/disputes");
        STREAMS.put("subscriptions", "/subscriptions");
        STREAMS.put("invoices", "/invoices");
        STREAMS.put("invoice_items", "/invoiceitems");
        STREAMS.put("plans", "/plans");
        STREAMS.put("coupons", "/coupons");
        STREAMS.put("balance_transactions", "/balance_transactions");
        STREAMS.put("payouts", "/payouts");
        STREAMS.put("transfers", "/transfers");
        STREAMS.put("events", "/events");
        STREAMS.put("checkout_sessions", "/checkout/sessions");
        STREAMS.put("payment_methods", "/payment_methods");
        STREAMS.put("setup_intents", "/setup_intents");
    }

    private ObjectNode config() {
        return obj("api_key", KEY, "base_url", origin() + "/v1");
    }

    private static ObjectNode customer(int n, long created) {
        return obj("id", String.format("cus_Pq%04d", n), "object", "customer", "address", null, "balance", 0,
                "created", created, "currency", "usd", "default_source", null, "delinquent", false,
                "description", null, "email", "jenny.rosen" + n + "@example.com", "invoice_prefix", String.format("7D3C%04d", n),
                "livemode", false, "metadata", obj(), "name", "Jenny Rosen " + n, "phone", null,
                "preferred_locales", arr(), "shipping", null, "tax_exempt", "none", "test_clock", null);
    }

    private static ObjectNode list(String url, boolean hasMore, List<? extends JsonNode> data) {
        return obj("object", "list", "url", url, "has_more", hasMore, "data", Json.arr(data));
    }

    /** Customers newest first, as Stripe lists them: 8 records on pages of 3, 3 and 2. */
    private void stubThreeCustomerPages() {
        List<ObjectNode> all = new ArrayList<>();
        for (int n = 8; n >= 1; n--) {
            all.add(customer(n, 1709251200L + n * 3600L));
        }
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("limit", equalTo("100"))
                .withQueryParam("starting_after", absent())
                .willReturn(json(list("/v1/customers", true, all.subList(0, 3))).withHeader("Request-Id", "req_p1")));
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_Pq0006"))
                .willReturn(json(list("/v1/customers", true, all.subList(3, 6))).withHeader("Request-Id", "req_p2")));
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_Pq0003"))
                .willReturn(json(list("/v1/customers", false, all.subList(6, 8))).withHeader("Request-Id", "req_p3")));
    }

    @Test
    void pagesWithStartingAfterUntilHasMoreIsFalse() {
        stubThreeCustomerPages();

        CliResult result = read("stripe", config(), "customers").assertSucceeded();

        result.assertCount("customers", 8);
        assertUnique(result, "customers", r -> r.path("id").asText());
        assertEquals(List.of("cus_Pq0008", "cus_Pq0007", "cus_Pq0006", "cus_Pq0005", "cus_Pq0004", "cus_Pq0003", "cus_Pq0002", "cus_Pq0001"),
                result.values("customers", "id"));
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", absent()));
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_Pq0006")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_Pq0003")));
        assertEquals(3, requests().size());
        assertEveryRequestHas("Authorization", "Bearer " + KEY);
        assertEveryRequestHas("Stripe-Version", "2024-06-20");
        assertNoUnmatchedRequests();
        assertEquals(1709251200L + 8 * 3600L, result.cursor("customers").asLong());
    }

    @Test
    void secondRunFiltersByCreatedFromTheSavedCursor() {
        stubThreeCustomerPages();
        CliResult first = read("stripe", config(), "customers").assertSucceeded();
        // no start_date_ts and no state: no created filter at all
        for (LoggedRequest request : requests("/v1/customers")) {
            assertNull(param(request, "created[gte]"), request.getUrl());
        }
        long cursor = first.cursor("customers").asLong();

        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("created[gte]", equalTo(Long.toString(cursor)))
                .willReturn(json(list("/v1/customers", false, List.of(customer(9, cursor + 60), customer(8, cursor))))));
        CliResult second = read("stripe", config(), "customers", first.finalState()).assertSucceeded();

        second.assertCount("customers", 2);
        server.verify(1, getRequestedFor(urlPathEqualTo("/v1/customers")).withQueryParam("created[gte]", equalTo(Long.toString(cursor))));
        assertNoUnmatchedRequests();
        assertEquals(cursor + 60, second.cursor("customers").asLong());
    }

    @Test
    void startDateTsBecomesTheCreatedFilterOfAFirstRun() {
        server.stubFor(get(urlPathEqualTo("/v1/invoices")).withQueryParam("created[gte]", equalTo("1701388800"))
                .withQueryParam("limit", equalTo("100"))
                .willReturn(json(list("/v1/invoices", false, List.of(obj("id", "in_1OZ", "object", "invoice", "created", 1701400000))))));
        ObjectNode config = config();
        config.put("start_date_ts", "1701388800");

        CliResult result = read("stripe", config, "invoices").assertSucceeded();

        result.assertCount("invoices", 1);
        assertNoUnmatchedRequests();
    }

    @Test
    void subscriptionsAskForEveryStatus() {
        server.stubFor(get(urlPathEqualTo("/v1/subscriptions")).withQueryParam("status", equalTo("all"))
                .willReturn(json(list("/v1/subscriptions", false, List.of(
                        obj("id", "sub_1", "object", "subscription", "status", "canceled", "created", 1700000000),
                        obj("id", "sub_2", "object", "subscription", "status", "active", "created", 1700000500))))));

        read("stripe", config(), "subscriptions").assertSucceeded().assertCount("subscriptions", 2);
        assertNoUnmatchedRequests();
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> stream : STREAMS.entrySet()) {
            int count = i++ % 3 + 1;
            List<ObjectNode> data = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                data.add(obj("id", stream.getKey().substring(0, 3) + "_" + n, "object", stream.getKey(), "created", 1700000000 + n,
                        "livemode", false, "metadata", obj()));
            }
            server.stubFor(get(urlPathEqualTo("/v1" + stream.getValue()))
                    .willReturn(json(list("/v1" + stream.getValue(), false, data))));
            expected.put(stream.getKey(), count);
        }

        CliResult result = read("stripe", config(), null);

        assertCounts(result, expected);
        assertEveryRequestHas("Authorization", "Bearer " + KEY);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(STREAMS.keySet()), streamNames("stripe"));
    }

    @Test
    void checkSucceedsWithAValidKey() {
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("limit", equalTo("1"))
                .willReturn(json(list("/v1/customers", true, List.of(customer(1, 1700000000))))));

        CliResult result = check("stripe", config());

        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        assertEveryRequestHas("Authorization", "Bearer " + KEY);
    }

    @Test
    void checkFailsOnUnauthorizedWithoutShowingTheKey() {
        server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(status(401, obj("error", obj(
                "message", "Invalid API Key provided: sk_test_********************wxyz", "type", "invalid_request_error")))
                .withHeader("WWW-Authenticate", "Basic realm=\"Stripe\"")));

        CliResult result = check("stripe", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, KEY);
    }

    @Test
    void anUnauthorizedReadFailsTheStreamWithoutShowingTheKey() {
        server.stubFor(get(urlPathEqualTo("/v1/customers")).willReturn(status(401, obj("error", obj(
                "message", "Invalid API Key provided: sk_test_********************wxyz", "type", "invalid_request_error")))));
        server.stubFor(get(urlPathEqualTo("/v1/products")).willReturn(status(401, obj("error", obj(
                "message", "Invalid API Key provided: sk_test_********************wxyz", "type", "invalid_request_error")))));

        CliResult result = read("stripe", config(), "customers,products");

        assertEquals(0, result.exitCode(), "a read whose streams failed still completes: " + result.stderr());
        assertEquals("FAILED", result.summary().path("status").asText(), result.stdout());
        assertEquals("FAILED", result.streamSummary("customers").path("status").asText());
        assertEquals("FAILED", result.streamSummary("products").path("status").asText());
        org.junit.jupiter.api.Assertions.assertTrue(result.streamSummary("customers").path("error").asText().contains("401"),
                result.streamSummary("customers").toString());
        assertNotLeaked(result, KEY);
    }
}
