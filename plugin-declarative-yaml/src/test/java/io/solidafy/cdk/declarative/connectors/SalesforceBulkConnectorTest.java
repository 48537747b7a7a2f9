package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The salesforce-bulk connector against stubs of the Bulk API 2.0 query job lifecycle: create the
 * job, poll it until JobComplete, download CSV result pages chained by the Sforce-Locator header.
 */
class SalesforceBulkConnectorTest extends ConnectorTestBase {

    private static final String TOKEN = "00D5e000000XyZa!AQ0AQBulkSessionIdQ8v1x2y3z4AbCdEfGhIjKlMnOpQrStUvWx";
    private static final String API = "/services/data/v59.0";
    private static final String JOB = "750R0000000zlh9IAA";
    private static final String HEADER = "\"Id\",\"Name\",\"Type\",\"Industry\",\"Phone\",\"Website\",\"BillingCity\",\"BillingState\","
            + "\"BillingCountry\",\"AnnualRevenue\",\"NumberOfEmployees\",\"OwnerId\",\"CreatedDate\",\"LastModifiedDate\"\n";

    private ObjectNode config() {
        return obj("instance_url", "https://acme.my.salesforce.com", "access_token", TOKEN, "base_url", origin() + API);
    }

    private static ObjectNode job(String id, String object, String state) {
        return obj("id", id, "operation", "query", "object", object, "createdById", "005R0000000GiwjIAC",
                "createdDate", "2024-03-06T21:10:23.000+0000", "systemModstamp", "2024-03-06T21:10:25.000+0000", "state", state,
                "concurrencyMode", "Parallel", "contentType", "CSV", "apiVersion", 59.0, "jobType", "V2Query",
                "lineEnding", "LF", "columnDelimiter", "COMMA", "numberRecordsProcessed", "JobComplete".equals(state) ? 5 : 0,
                "retries", 0, "totalProcessingTime", 334);
    }

    private static String row(int n, String name, String lastModified) {
        return String.format("\"001Dn00000AbCd%04d\",\"%s\",\"Customer - Direct\",\"Manufacturing\",\"(415) 555-0100\","
                + "\"https://acme.example\",\"San Francisco\",\"CA\",\"USA\",\"15000000\",\"120\",\"005Dn000001XyZaIAK\","
                + "\"2023-01-10T09:00:00.000Z\",\"%s\"\n", n, name.replace("\"", "\"\""), lastModified); // RFC 4180: quotes doubled
    }

    private static ResponseDefinitionBuilder csv(String body, String locator, int records) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/csv")
                .withHeader("Sforce-Locator", locator).withHeader("Sforce-NumberOfRecords", Integer.toString(records))
                .withBody(body);
    }

    /** Job created, one poll says InProgress, the next JobComplete, results on three CSV pages (5 rows). */
    private void stubAccountJob(String since) {
        server.stubFor(post(urlPathEqualTo(API + "/jobs/query"))
                .withRequestBody(matchingJsonPath("$.operation", equalTo("query")))
                .withRequestBody(matchingJsonPath("$.query", containing("FROM Account WHERE LastModifiedDate > " + since)))
                .willReturn(json(job(JOB, "Account", "UploadComplete"))));
        server.stubFor(get(urlPathEqualTo(API + "/jobs/query/" + JOB)).inScenario("job").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(job(JOB, "Account", "InProgress"))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo(API + "/jobs/query/" + JOB)).inScenario("job").whenScenarioStateIs("done")
                .willReturn(json(job(JOB, "Account", "JobComplete"))));
        String results = API + "/jobs/query/" + JOB + "/results";
        server.stubFor(get(urlPathEqualTo(results)).withQueryParam("locator", absent())
                .willReturn(csv(HEADER + row(1, "Acme, Inc.", "2024-03-01T10:15:30.000Z")
                        + row(2, "Globex \"West\"", "2024-03-02T10:15:30.000Z"), "MTAwMDA", 2)));
        server.stubFor(get(urlPathEqualTo(results)).withQueryParam("locator", equalTo("MTAwMDA"))
                .willReturn(csv(HEADER + row(3, "Initech\nHQ", "2024-03-03T10:15:30.000Z")
                        + row(4, "Umbrella", "2024-03-05T10:15:30.000Z"), "MjAwMDA", 2)));
        server.stubFor(get(urlPathEqualTo(results)).withQueryParam("locator", equalTo("MjAwMDA"))
                .willReturn(csv(HEADER + row(5, "Hooli", "2024-03-04T10:15:30.000Z"), "null", 1)));
    }

    @Test
    void createsPollsAndDownloadsEveryResultPage() {
        stubAccountJob("2000-01-01T00:00:00Z");

        CliResult result = read("salesforce-bulk", config(), "accounts").assertSucceeded();

        result.assertCount("accounts", 5);
        assertUnique(result, "accounts", r -> r.path("Id").asText());
        assertEquals(List.of("Acme, Inc.", "Globex \"West\"", "Initech\nHQ", "Umbrella", "Hooli"), result.values("accounts", "Name"));
        server.verify(1, postRequestedFor(urlPathEqualTo(API + "/jobs/query")));
        server.verify(2, getRequestedFor(urlPathEqualTo(API + "/jobs/query/" + JOB)));
        String results = API + "/jobs/query/" + JOB + "/results";
        server.verify(1, getRequestedFor(urlPathEqualTo(results)).withQueryParam("locator", absent()));
        server.verify(1, getRequestedFor(urlPathEqualTo(results)).withQueryParam("locator", equalTo("MTAwMDA")));
        server.verify(1, getRequestedFor(urlPathEqualTo(results)).withQueryParam("locator", equalTo("MjAwMDA")));
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
        assertEquals("2024-03-05T10:15:30.000Z", result.cursor("accounts").asText());
    }

    @Test
    void secondRunQueriesRecordsModifiedAfterTheSavedCursor() {
        stubAccountJob("2000-01-01T00:00:00Z");
        CliResult first = read("salesforce-bulk", config(), "accounts").assertSucceeded();

        server.resetAll();
        stubAccountJob("2024-03-05T10:15:30Z");
        CliResult second = read("salesforce-bulk", config(), "accounts", first.finalState()).assertSucceeded();

        second.assertCount("accounts", 5);
        server.verify(1, postRequestedFor(urlPathEqualTo(API + "/jobs/query"))
                .withRequestBody(matchingJsonPath("$.query", containing("WHERE LastModifiedDate > 2024-03-05T10:15:30Z"))));
        assertNoUnmatchedRequests();
    }

    @Test
    void aFailedJobFailsTheStreamWithoutLeakingTheToken() {
        server.stubFor(post(urlPathEqualTo(API + "/jobs/query")).willReturn(json(job(JOB, "Account", "UploadComplete"))));
        ObjectNode failed = job(JOB, "Account", "Failed");
        failed.put("errorMessage", "INVALID_FIELD: No such column 'Foo' on entity 'Account'");
        server.stubFor(get(urlPathEqualTo(API + "/jobs/query/" + JOB)).willReturn(json(failed)));

        CliResult result = read("salesforce-bulk", config(), "accounts");

        assertEquals("FAILED", result.streamSummary("accounts").path("status").asText(), result.stdout());
        assertTrue(result.streamSummary("accounts").path("error").asText().contains("Failed"), result.streamSummary("accounts").toString());
        server.verify(0, getRequestedFor(urlPathEqualTo(API + "/jobs/query/" + JOB + "/results")));
        assertNotLeaked(result, TOKEN);
    }

    @Test
    void everyStreamRunsItsOwnJob() {
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("accounts", "Account");
        objects.put("contacts", "Contact");
        objects.put("leads", "Lead");
        objects.put("opportunities", "Opportunity");
        Map<String, Integer> expected = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> entry : objects.entrySet()) {
            String id = "750R0000000zlh" + i + "IAA";
            int count = i + 1;
            server.stubFor(post(urlPathEqualTo(API + "/jobs/query"))
                    .withRequestBody(matchingJsonPath("$.query", containing("FROM " + entry.getValue() + " WHERE")))
                    .willReturn(json(job(id, entry.getValue(), "UploadComplete"))));
            server.stubFor(get(urlPathEqualTo(API + "/jobs/query/" + id)).willReturn(json(job(id, entry.getValue(), "JobComplete"))));
            StringBuilder body = new StringBuilder("\"Id\",\"Name\",\"LastModifiedDate\"\n");
            for (int n = 0; n < count; n++) {
                body.append(String.format("\"%s%04d\",\"%s %d\",\"2024-02-0%dT00:00:00.000Z\"\n", entry.getValue().substring(0, 3), n,
                        entry.getValue(), n, n + 1));
            }
            server.stubFor(get(urlPathEqualTo(API + "/jobs/query/" + id + "/results")).willReturn(csv(body.toString(), "null", count)));
            expected.put(entry.getKey(), count);
            i++;
        }

        CliResult result = read("salesforce-bulk", config(), null);

        assertCounts(result, expected);
        assertEveryRequestHas("Authorization", "Bearer " + TOKEN);
        assertNoUnmatchedRequests();
        assertEquals(List.copyOf(expected.keySet()), streamNames("salesforce-bulk"));
    }

    @Test
    void checkAnswersFromTheLimitsResource() {
        server.stubFor(get(urlPathEqualTo(API + "/limits")).willReturn(json(obj("DailyBulkV2QueryJobs", obj("Max", 10000, "Remaining", 9999)))));
        assertEquals("SUCCEEDED", check("salesforce-bulk", config()).connectionStatus().path("status").asText());

        server.resetAll();
        server.stubFor(get(urlPathEqualTo(API + "/limits")).willReturn(status(401, Json.arr(obj(
                "message", "Session expired or invalid", "errorCode", "INVALID_SESSION_ID")))));
        CliResult failed = check("salesforce-bulk", config());
        assertEquals("FAILED", failed.connectionStatus().path("status").asText(), failed.stdout());
        assertNotLeaked(failed, TOKEN);
    }
}
