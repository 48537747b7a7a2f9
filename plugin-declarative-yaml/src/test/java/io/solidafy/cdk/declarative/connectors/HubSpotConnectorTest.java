package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.arr;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hubspot connector against stubs shaped like CRM v3: results + paging.next.after. */
class HubSpotConnectorTest extends ConnectorTestBase {

    private static final String TOKEN = "pat-na1-2f8e4c1a-7b3d-4e5f-9a0b-1c2d3e4f5a6b";

    private ObjectNode config() {
        return obj("access_token", TOKEN, "base_url", origin());
    }

    private static ObjectNode contact(int id, String updatedAt) {
        return obj("id", Integer.toString(id), "properties", obj("createdate", "2024-01-10T09:00:00.000Z",
                "email", "contact" + id + "@acme.example", "firstname", "Maria", "lastname", "Johnson " + id,
                "hs_object_id", Integer.toString(id), "lastmodifieddate", updatedAt),
                "createdAt", "2024-01-10T09:00:00.000Z", "updatedAt", updatedAt, "archived", false);
    }

    private ObjectNode results(List<? extends JsonNode> results, String after, String path) {
        ObjectNode body = obj("results", Json.arr(results));
        if (after != null) {
            body.set("paging", obj("next", obj("after", after, "link", "https://api.hubapi.com" + path + "?after=" + after)));
        }
        return body;
    }

    private void stubThreeContactPages() {
        String path = "/crm/v3/objects/contacts";
        List<ObjectNode> all = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            all.add(contact(100 + n, "2024-03-0" + n + "T10:00:00.000Z"));
        }
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", absent())
                .willReturn(json(results(all.subList(0, 2), "103", path)).withHeader("X-HubSpot-RateLimit-Remaining", "189")));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("103"))
                .willReturn(json(results(all.subList(2, 4), "105", path))));
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("after", equalTo("105"))
                .willReturn(json(results(all.subList(4, 5), null, path))));
    }

    @Test
    void pagesWithPagingNextAfter() {
        stubThreeContactPages();

        CliResult result = read("hubspot", config(), "contacts").assertSucceeded();

        result.assertCount("contacts", 5);
        assertUnique(result, "contacts", r -> r.path("id").asText());
        assertEquals(3, requests().size());
        for (LoggedRequest request : requests()) {
            assertEquals("100", param(request, "limit"), request.getUrl());
            assertTrue(param(request, "properties").contains("email"), request.getUrl());
        }
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
        assertEquals("2024-03-05T10:00:00.000Z", result.cursor("contacts").asText());
    }

    @Test
    void secondRunKeepsOnlyObjectsUpdatedSinceTheSavedCursor() {
        // the GET list cannot filter by date (search stops at 10,000 results): the filter runs on our side
        stubThreeContactPages();
        CliResult first = read("hubspot", config(), "contacts").assertSucceeded();
        assertEquals("2024-03-05T10:00:00.000Z", first.cursor("contacts").asText());

        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(json(results(List.of(
                contact(104, "2024-03-04T10:00:00.000Z"), contact(105, "2024-03-05T10:00:00.000Z"),
                contact(106, "2024-03-06T09:30:00.000Z")), null, "/crm/v3/objects/contacts"))));
        CliResult second = read("hubspot", config(), "contacts", first.finalState()).assertSucceeded();

        assertEquals(List.of("105", "106"), second.values("contacts", "id"));
        assertEquals("2024-03-06T09:30:00.000Z", second.cursor("contacts").asText());
    }

    @Test
    void refreshTokenFlowFetchesAnAccessToken() {
        String fresh = "CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4";
        server.stubFor(post(urlPathEqualTo("/oauth/v1/token")).willReturn(json(obj(
                "token_type", "bearer", "refresh_token", "6f18f21e-a743-4509-b7fd-1a5e632fffa1", "access_token", fresh, "expires_in", 1800))));
        server.stubFor(get(urlPathEqualTo("/crm/v3/owners")).willReturn(json(results(List.of(obj(
                "id", "41629779", "email", "owner@acme.example", "type", "PERSON", "firstName", "Ola", "lastName", "Nordmann",
                "userId", 9586504, "userIdIncludingInactive", 9586504, "createdAt", "2019-12-25T13:01:35.228Z",
                "updatedAt", "2023-08-22T13:40:26.790Z", "archived", false, "teams", arr())), null, "/crm/v3/owners"))));
        ObjectNode config = obj("client_id", "5d8b3a4c-client", "client_secret", "e9f1a2b3-client-secret",
                "refresh_token", "6f18f21e-a743-4509-b7fd-1a5e632fffa1", "base_url", origin());

        CliResult result = read("hubspot", config, "owners").assertSucceeded();

        result.assertCount("owners", 1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth/v1/token")).withRequestBody(containing("grant_type=refresh_token")));
        assertEveryRequestHas("Authorization", "Bearer " + fresh, r -> r.getUrl().startsWith("/crm"));
        assertNotLeaked(result, "e9f1a2b3-client-secret");
    }

    @Test
    void everyStreamReadsItsEndpoint() {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String object : List.of("contacts", "companies", "deals", "tickets", "products", "line_items", "quotes")) {
            paths.put(object, "/crm/v3/objects/" + object);
        }
        paths.put("owners", "/crm/v3/owners");
        paths.put("deal_pipelines", "/crm/v3/pipelines/deals");
        paths.put("ticket_pipelines", "/crm/v3/pipelines/tickets");
        paths.put("forms", "/marketing/v3/forms");
        paths.put("contact_properties", "/crm/v3/properties/contacts");
        paths.put("company_properties", "/crm/v3/properties/companies");
        paths.put("deal_properties", "/crm/v3/properties/deals");
        Map<String, Integer> expected = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> entry : paths.entrySet()) {
            int count = i++ % 3 + 1;
            List<ObjectNode> items = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                ObjectNode item = entry.getKey().endsWith("_properties")
                        ? obj("name", "prop_" + n, "label", "Property " + n, "type", "string", "fieldType", "text",
                                "groupName", "contactinformation", "hidden", false)
                        : obj("id", Integer.toString(500 + n), "archived", false);
                item.put("createdAt", "2024-01-01T00:00:00.000Z");
                item.put("updatedAt", "2024-02-0" + (n + 1) + "T00:00:00.000Z");
                items.add(item);
            }
            server.stubFor(get(urlPathEqualTo(entry.getValue())).willReturn(json(results(items, null, entry.getValue()))));
            expected.put(entry.getKey(), count);
        }

        CliResult result = read("hubspot", config(), null);

        assertCounts(result, expected);
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(expected.keySet()), streamNames("hubspot"));
    }

    @Test
    void checkSucceedsWithAValidToken() {
        server.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).withQueryParam("limit", equalTo("1"))
                .willReturn(json(results(List.of(contact(101, "2024-03-01T10:00:00.000Z")), "102", "/crm/v3/objects/contacts"))));

        CliResult result = check("hubspot", config());

        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        server.verify(1, getRequestedFor(urlPathEqualTo("/crm/v3/objects/contacts")));
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void checkFailsOnUnauthorizedWithoutShowingTheToken() {
        server.stubFor(get(urlPathEqualTo("/crm/v3/objects/contacts")).willReturn(status(401, obj("status", "error",
                "message", "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                "correlationId", "a43683b0-5717-4ceb-80b4-104d02915d8c", "category", "INVALID_AUTHENTICATION"))));

        CliResult result = check("hubspot", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, TOKEN);
    }
}
