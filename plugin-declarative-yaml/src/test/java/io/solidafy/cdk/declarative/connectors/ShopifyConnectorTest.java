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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shopify connector against stubs shaped like the Admin REST API: Link header page_info pages. */
class ShopifyConnectorTest extends ConnectorTestBase {

    private static final String TOKEN = "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";
    private static final String API = "/admin/api/2024-01";

    private ObjectNode config() {
        return obj("shop_domain", "acme-store.myshopify.com", "access_token", TOKEN, "base_url", origin() + API);
    }

    private static ResponseDefinitionBuilder shopify(JsonNode body) {
        return json(body).withHeader("X-Shopify-Shop-Api-Call-Limit", "1/40").withHeader("X-Request-Id", "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
    }

    static ObjectNode product(long id, String updatedAt, long... inventoryItemIds) {
        List<ObjectNode> variants = new ArrayList<>();
        for (long itemId : inventoryItemIds) {
            variants.add(obj("id", itemId + 1_000_000L, "product_id", id, "title", "Default Title", "price", "199.00",
                    "sku", "SKU-" + itemId, "inventory_policy", "deny", "inventory_management", "shopify",
                    "inventory_item_id", itemId, "inventory_quantity", 10, "created_at", "2024-01-02T09:28:43-05:00",
                    "updated_at", updatedAt));
        }
        return obj("id", id, "title", "Product " + id, "body_html", "<p>It's the small iPod with a big idea.</p>", "vendor", "Apple",
                "product_type", "Cult Products", "created_at", "2024-01-02T09:28:43-05:00", "handle", "product-" + id,
                "updated_at", updatedAt, "published_at", "2024-01-02T09:28:43-05:00", "status", "active", "tags", "Emotive, Flash Memory",
                "admin_graphql_api_id", "gid://shopify/Product/" + id, "variants", Json.arr(variants), "options", arr(), "images", arr());
    }

    private String link(String pageInfo, String rel) {
        return "<" + origin() + API + "/products.json?limit=250&page_info=" + pageInfo + ">; rel=\"" + rel + "\"";
    }

    private void stubThreeProductPages() {
        String path = API + "/products.json";
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page_info", absent()).willReturn(shopify(obj("products", arr(
                product(632910392L, "2024-03-01T10:00:00-05:00", 808950810L),
                product(632910393L, "2024-03-02T10:00:00-05:00", 808950811L))))
                .withHeader("Link", link("eyJsYXN0X2lkIjo2MzI5MTAzOTMsImRpcmVjdGlvbiI6Im5leHQifQ", "next"))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page_info", equalTo("eyJsYXN0X2lkIjo2MzI5MTAzOTMsImRpcmVjdGlvbiI6Im5leHQifQ"))
                .willReturn(shopify(obj("products", arr(
                        product(632910394L, "2024-03-05T10:00:00-05:00", 808950812L),
                        product(632910395L, "2024-03-03T10:00:00-05:00", 808950813L))))
                        .withHeader("Link", link("eyJkaXJlY3Rpb24iOiJwcmV2IiwibGFzdF9pZCI6NjMyOTEwMzk0fQ", "previous") + ", "
                                + link("eyJsYXN0X2lkIjo2MzI5MTAzOTUsImRpcmVjdGlvbiI6Im5leHQifQ", "next"))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("page_info", equalTo("eyJsYXN0X2lkIjo2MzI5MTAzOTUsImRpcmVjdGlvbiI6Im5leHQifQ"))
                .willReturn(shopify(obj("products", arr(product(632910396L, "2024-03-04T10:00:00-05:00", 808950814L))))
                        .withHeader("Link", link("eyJkaXJlY3Rpb24iOiJwcmV2IiwibGFzdF9pZCI6NjMyOTEwMzk2fQ", "previous"))));
    }

    @Test
    void pagesWithTheLinkHeaderAndNothingElseOnLaterPages() {
        stubThreeProductPages();
        ObjectNode config = config();
        config.put("start_date", "2024-01-01T00:00:00Z");

        CliResult result = read("shopify", config, "products").assertSucceeded();

        result.assertCount("products", 5);
        assertUnique(result, "products", r -> r.path("id").asText());
        assertEquals(3, requests().size());
        LoggedRequest firstPage = requests(API + "/products.json").get(0);
        assertEquals("2024-01-01T00:00:00Z", param(firstPage, "updated_at_min"));
        assertEquals("250", param(firstPage, "limit"));
        // Shopify rejects filters beside page_info: later pages are requested exactly as linked
        for (LoggedRequest later : requests(API + "/products.json").subList(1, 3)) {
            assertNull(param(later, "updated_at_min"), later.getUrl());
        }
        assertEveryRequestHas("X-Shopify-Access-Token", TOKEN);
        assertNoUnmatchedRequests();
        assertEquals("2024-03-05T10:00:00-05:00", result.cursor("products").asText());
    }

    @Test
    void secondRunSendsUpdatedAtMinFromTheSavedCursor() {
        stubThreeProductPages();
        CliResult first = read("shopify", config(), "products").assertSucceeded();
        assertNull(param(requests(API + "/products.json").get(0), "updated_at_min"), "no start_date, no state: no filter");
        String cursor = first.cursor("products").asText();

        server.resetAll();
        server.stubFor(get(urlPathEqualTo(API + "/products.json")).withQueryParam("updated_at_min", equalTo(cursor))
                .willReturn(shopify(obj("products", arr(product(632910394L, cursor, 808950812L))))));
        CliResult second = read("shopify", config(), "products", first.finalState()).assertSucceeded();

        second.assertCount("products", 1);
        assertNoUnmatchedRequests();
    }

    @Test
    void inventoryItemsAreReadForEveryVariantOfEveryProduct() {
        server.stubFor(get(urlPathEqualTo(API + "/products.json")).willReturn(shopify(obj("products", arr(
                product(1L, "2024-03-01T10:00:00-05:00", 11L, 12L), product(2L, "2024-03-01T11:00:00-05:00", 21L, 22L))))));
        for (long itemId : new long[] {11L, 12L, 21L, 22L}) {
            server.stubFor(get(urlPathEqualTo(API + "/inventory_items.json")).withQueryParam("ids", equalTo(Long.toString(itemId)))
                    .willReturn(shopify(obj("inventory_items", arr(obj("id", itemId, "sku", "SKU-" + itemId, "created_at", "2024-01-02T09:28:43-05:00",
                            "updated_at", "2024-03-01T10:00:00-05:00", "requires_shipping", true, "cost", "25.00", "country_code_of_origin", null,
                            "tracked", true, "admin_graphql_api_id", "gid://shopify/InventoryItem/" + itemId))))));
        }

        CliResult result = read("shopify", config(), "inventory_items").assertSucceeded();

        result.assertCount("inventory_items", 4);
        assertUnique(result, "inventory_items", r -> r.path("id").asText());
        server.verify(4, getRequestedFor(urlPathEqualTo(API + "/inventory_items.json")));
        assertEveryRequestHas("X-Shopify-Access-Token", TOKEN);
        assertNoUnmatchedRequests();
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        server.stubFor(get(urlPathEqualTo(API + "/products.json")).willReturn(shopify(obj("products", arr(
                product(1L, "2024-03-01T10:00:00-05:00", 11L))))));
        server.stubFor(get(urlPathEqualTo(API + "/orders.json")).withQueryParam("status", equalTo("any")).willReturn(shopify(obj("orders", arr(
                obj("id", 450789469L, "name", "#1001", "email", "bob.norman@mail.example.com", "financial_status", "paid",
                        "total_price", "598.94", "currency", "USD", "created_at", "2024-03-01T10:00:00-05:00", "updated_at", "2024-03-01T10:00:00-05:00"),
                obj("id", 450789470L, "name", "#1002", "email", "alice@mail.example.com", "financial_status", "refunded",
                        "total_price", "10.00", "currency", "USD", "created_at", "2024-03-02T10:00:00-05:00", "updated_at", "2024-03-04T10:00:00-05:00"))))));
        server.stubFor(get(urlPathEqualTo(API + "/customers.json")).willReturn(shopify(obj("customers", arr(
                obj("id", 207119551L, "email", "bob.norman@mail.example.com", "first_name", "Bob", "last_name", "Norman",
                        "orders_count", 1, "state", "enabled", "total_spent", "199.65", "created_at", "2024-01-01T10:00:00-05:00",
                        "updated_at", "2024-03-01T10:00:00-05:00"))))));
        server.stubFor(get(urlPathEqualTo(API + "/locations.json")).willReturn(shopify(obj("locations", arr(
                obj("id", 487838322L, "name", "Warehouse", "address1", "126 York St", "city", "Ottawa", "country_code", "CA",
                        "active", true, "created_at", "2024-01-01T10:00:00-05:00", "updated_at", "2024-01-02T10:00:00-05:00"),
                obj("id", 487838323L, "name", "Store", "address1", "1 Main St", "city", "Toronto", "country_code", "CA",
                        "active", true, "created_at", "2024-01-01T10:00:00-05:00", "updated_at", "2024-01-03T10:00:00-05:00"),
                obj("id", 487838324L, "name", "Pop-up", "address1", "2 Side St", "city", "Montreal", "country_code", "CA",
                        "active", false, "created_at", "2024-01-01T10:00:00-05:00", "updated_at", "2024-01-04T10:00:00-05:00"))))));
        server.stubFor(get(urlPathEqualTo(API + "/custom_collections.json")).willReturn(shopify(obj("custom_collections", arr(
                obj("id", 841564295L, "handle", "ipods", "title", "IPods", "updated_at", "2024-02-01T10:00:00-05:00",
                        "published_scope", "web", "sort_order", "manual"))))));
        server.stubFor(get(urlPathEqualTo(API + "/price_rules.json")).willReturn(shopify(obj("price_rules", arr(
                obj("id", 507328175L, "title", "SUMMERSALE10OFF", "value_type", "fixed_amount", "value", "-10.0",
                        "target_type", "line_item", "allocation_method", "across", "starts_at", "2024-01-01T00:00:00-05:00",
                        "created_at", "2024-01-01T10:00:00-05:00", "updated_at", "2024-01-05T10:00:00-05:00"),
                obj("id", 507328176L, "title", "FREESHIP", "value_type", "percentage", "value", "-100.0",
                        "target_type", "shipping_line", "allocation_method", "each", "starts_at", "2024-01-01T00:00:00-05:00",
                        "created_at", "2024-01-01T10:00:00-05:00", "updated_at", "2024-01-06T10:00:00-05:00"))))));
        server.stubFor(get(urlPathEqualTo(API + "/inventory_items.json")).withQueryParam("ids", equalTo("11")).willReturn(shopify(obj(
                "inventory_items", arr(obj("id", 11L, "sku", "SKU-11", "updated_at", "2024-03-01T10:00:00-05:00", "tracked", true))))));

        CliResult result = read("shopify", config(), null);

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("products", 1);
        expected.put("orders", 2);
        expected.put("customers", 1);
        expected.put("collections", 1);
        expected.put("discounts", 2);
        expected.put("locations", 3);
        expected.put("inventory_items", 1);
        assertCounts(result, expected);
        assertEveryRequestHas("X-Shopify-Access-Token", TOKEN);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(expected.keySet()), streamNames("shopify"));
    }

    @Test
    void checkReadsTheShop() {
        server.stubFor(get(urlPathEqualTo(API + "/shop.json")).willReturn(shopify(obj("shop", obj(
                "id", 690933842L, "name", "Acme Store", "myshopify_domain", "acme-store.myshopify.com", "plan_name", "shopify_plus")))));
        assertEquals("SUCCEEDED", check("shopify", config()).connectionStatus().path("status").asText());
        assertEveryRequestHas("X-Shopify-Access-Token", TOKEN);

        server.resetAll();
        server.stubFor(get(urlPathEqualTo(API + "/shop.json")).willReturn(status(401, obj(
                "errors", "[API] Invalid API key or access token (unrecognized login or wrong password)"))));
        CliResult failed = check("shopify", config());
        assertEquals("FAILED", failed.connectionStatus().path("status").asText(), failed.stdout());
        assertNotLeaked(failed, TOKEN);
    }

    @Test
    void aThrottledRequestIsRetried() {
        // Shopify's leaky bucket answers 429 with a fractional Retry-After
        server.stubFor(get(urlPathEqualTo(API + "/customers.json")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(429, obj("errors", "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."))
                        .withHeader("Retry-After", "1.0"))
                .willSetStateTo("open"));
        server.stubFor(get(urlPathEqualTo(API + "/customers.json")).inScenario("throttle").whenScenarioStateIs("open")
                .willReturn(shopify(obj("customers", arr(obj("id", 207119551L, "email", "bob.norman@mail.example.com",
                        "updated_at", "2024-03-01T10:00:00-05:00"))))));

        CliResult result = read("shopify", config(), "customers").assertSucceeded();

        result.assertCount("customers", 1);
        server.verify(2, getRequestedFor(urlPathEqualTo(API + "/customers.json")));
        assertEveryRequestHas("X-Shopify-Access-Token", TOKEN);
    }
}
