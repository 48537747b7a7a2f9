package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.arr;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The salesforce connector against stubs shaped like the REST query resource: nextRecordsUrl until done. */
class SalesforceConnectorTest extends ConnectorTestBase {

    private static final String TOKEN = "00D5e000000XyZa!AQ0AQExampleSessionIdQ8v1x2y3z4AbCdEfGhIjKlMnOpQrStUvWx";
    private static final String API = "/services/data/v59.0";

    /** Stream name -> sObject, as the connector queries them. */
    static final Map<String, String> OBJECTS = new LinkedHashMap<>();

    static {
        OBJECTS.put("accounts", "Account");
        OBJECTS.put("contacts", "Contact");
        OBJECTS.put("leads", "Lead");
        OBJECTS.put("opportunities", "Opportunity");
        OBJECTS.put("cases", "Case");
        OBJECTS.put("tasks", "Task");
        OBJECTS.put("events", "Event");
        OBJECTS.put("users", "User");
        OBJECTS.put("profiles", "Profile");
        OBJECTS.put("products", "Product2");
        OBJECTS.put("pricebooks", "Pricebook2");
        OBJECTS.put("pricebook_entries", "PricebookEntry");
        OBJECTS.put("campaigns", "Campaign");
        OBJECTS.put("campaign_members", "CampaignMember");
    }

    private ObjectNode config() {
        return obj("instance_url", "https://acme.my.salesforce.com", "access_token", TOKEN, "base_url", origin() + API);
    }

    static ObjectNode account(int n, String lastModified) {
        String id = String.format("001Dn00000AbCd%04d", n);
        return obj("attributes", obj("type", "Account", "url", API + "/sobjects/Account/" + id), "Id", id, "Name", "Acme Branch " + n,
                "Type", "Customer - Direct", "Industry", "Manufacturing", "Phone", "(415) 555-01" + String.format("%02d", n),
                "Website", "https://acme.example", "BillingCity", "San Francisco", "BillingState", "CA", "BillingCountry", "USA",
                "AnnualRevenue", 1.5E7, "NumberOfEmployees", 120, "OwnerId", "005Dn000001XyZaIAK",
                "CreatedDate", "2023-01-10T09:00:00.000+0000", "LastModifiedDate", lastModified);
    }

    private static ObjectNode queryPage(int totalSize, List<? extends JsonNode> records, String nextRecordsUrl) {
        ObjectNode page = obj("totalSize", totalSize, "done", nextRecordsUrl == null);
        if (nextRecordsUrl != null) {
            page.put("nextRecordsUrl", nextRecordsUrl);
        }
        page.set("records", Json.arr(records));
        return page;
    }

    private void stubThreeAccountPages() {
        List<ObjectNode> all = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            all.add(account(n, String.format("2024-03-0%dT10:15:30.000+0000", n)));
        }
        server.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("q", containing("FROM Account WHERE"))
                .willReturn(json(queryPage(5, all.subList(0, 2), API + "/query/01gRO0000016PIAYA2-2"))
                        .withHeader("Sforce-Limit-Info", "api-usage=25/15000")));
        server.stubFor(get(urlPathEqualTo(API + "/query/01gRO0000016PIAYA2-2"))
                .willReturn(json(queryPage(5, all.subList(2, 4), API + "/query/01gRO0000016PIAYA2-4"))));
        server.stubFor(get(urlPathEqualTo(API + "/query/01gRO0000016PIAYA2-4"))
                .willReturn(json(queryPage(5, all.subList(4, 5), null))));
    }

    @Test
    void followsNextRecordsUrlUntilDone() {
        stubThreeAccountPages();

        CliResult result = read("salesforce", config(), "accounts").assertSucceeded();

        result.assertCount("accounts", 5);
        assertUnique(result, "accounts", r -> r.path("Id").asText());
        server.verify(1, getRequestedFor(urlPathEqualTo(API + "/query")));
        server.verify(1, getRequestedFor(urlPathEqualTo(API + "/query/01gRO0000016PIAYA2-2")));
        server.verify(1, getRequestedFor(urlPathEqualTo(API + "/query/01gRO0000016PIAYA2-4")));
        assertEquals(3, requests().size());
        String soql = param(requests(API + "/query").get(0), "q");
        assertTrue(soql.startsWith("SELECT Id, Name,"), soql);
        assertTrue(soql.endsWith("FROM Account WHERE LastModifiedDate > 2000-01-01T00:00:00Z"), soql);
        assertFalse(result.records("accounts").get(0).has("attributes"), "the attributes envelope is removed");
        for (LoggedRequest later : requests().subList(1, 3)) {
            assertEquals(null, param(later, "q"), "nextRecordsUrl is followed as given: " + later.getUrl());
        }
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
    }

    @Test
    void secondRunQueriesRecordsModifiedAfterTheSavedCursor() {
        stubThreeAccountPages();
        CliResult first = read("salesforce", config(), "accounts").assertSucceeded();
        assertEquals("2024-03-05T10:15:30.000+0000", first.cursor("accounts").asText());

        server.resetAll();
        server.stubFor(get(urlPathEqualTo(API + "/query"))
                .withQueryParam("q", containing("FROM Account WHERE LastModifiedDate > 2024-03-05T10:15:30Z"))
                .willReturn(json(queryPage(1, List.of(account(6, "2024-03-07T08:00:00.000+0000")), null))));
        CliResult second = read("salesforce", config(), "accounts", first.finalState()).assertSucceeded();

        second.assertCount("accounts", 1);
        assertNoUnmatchedRequests();
        assertEquals("2024-03-07T08:00:00.000+0000", second.cursor("accounts").asText());
    }

    @Test
    void refreshTokenFlowFetchesAnAccessToken() {
        String fresh = "00D5e000000XyZa!AQ0AQFreshTokenFromRefresh9z8y7x6w5v4u3t2s1r0";
        server.stubFor(post(urlPathEqualTo("/services/oauth2/token")).willReturn(json(obj(
                "access_token", fresh, "signature", "CNzP1pX2q3ExampleSig=", "scope", "refresh_token api",
                "instance_url", "https://acme.my.salesforce.com", "id", "https://login.salesforce.com/id/00D5e000000XyZaEAK/005Dn000001XyZaIAK",
                "token_type", "Bearer", "issued_at", "1709290000000"))));
        server.stubFor(get(urlPathEqualTo(API + "/query")).willReturn(json(queryPage(1, List.of(account(1, "2024-03-01T10:15:30.000+0000")), null))));
        ObjectNode config = obj("instance_url", "https://acme.my.salesforce.com", "client_id", "3MVG9ExampleConsumerKey",
                "client_secret", "F1E2D3C4B5A6ExampleSecret", "refresh_token", "5Aep861ExampleRefreshToken..", "login_url", origin(),
                "base_url", origin() + API);

        CliResult result = read("salesforce", config, "accounts").assertSucceeded();

        result.assertCount("accounts", 1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/services/oauth2/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=5Aep861ExampleRefreshToken")));
        assertEveryRequestHas("Authorization", "Bearer " + fresh, r -> r.getUrl().startsWith(API));
        assertNotLeaked(result, "F1E2D3C4B5A6ExampleSecret");
        assertNotLeaked(result, fresh);
    }

    @Test
    void everyStreamReadsItsObject() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> entry : OBJECTS.entrySet()) {
            int count = i++ % 3 + 1;
            List<ObjectNode> records = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                String id = entry.getValue().substring(0, 3) + "Dn00000Rec" + n;
                records.add(obj("attributes", obj("type", entry.getValue(), "url", API + "/sobjects/" + entry.getValue() + "/" + id),
                        "Id", id, "CreatedDate", "2024-01-01T00:00:00.000+0000", "LastModifiedDate", "2024-02-0" + (n + 1) + "T00:00:00.000+0000"));
            }
            server.stubFor(get(urlPathEqualTo(API + "/query")).withQueryParam("q", containing("FROM " + entry.getValue() + " WHERE"))
                    .willReturn(json(queryPage(count, records, null))));
            expected.put(entry.getKey(), count);
        }

        CliResult result = read("salesforce", config(), null);

        assertCounts(result, expected);
        for (LoggedRequest request : requests()) {
            assertTrue(param(request, "q").contains("LastModifiedDate > 2000-01-01T00:00:00Z"), request.getUrl());
        }
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(OBJECTS.keySet()), streamNames("salesforce"));
    }

    @Test
    void checkSucceedsWithAValidSession() {
        server.stubFor(get(urlPathEqualTo(API + "/limits")).willReturn(json(obj(
                "DailyApiRequests", obj("Max", 15000, "Remaining", 14998), "DailyBulkV2QueryJobs", obj("Max", 10000, "Remaining", 10000)))));

        CliResult result = check("salesforce", config());

        assertEquals("SUCCEEDED", result.connectionStatus().path("status").asText(), result.stdout());
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void checkFailsOnAnInvalidSessionWithoutShowingTheToken() {
        server.stubFor(get(urlPathEqualTo(API + "/limits")).willReturn(status(401, arr(obj(
                "message", "Session expired or invalid", "errorCode", "INVALID_SESSION_ID")))));

        CliResult result = check("salesforce", config());

        assertEquals("FAILED", result.connectionStatus().path("status").asText(), result.stdout());
        assertNotLeaked(result, TOKEN);
    }
}
