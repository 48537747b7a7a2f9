package io.solidafy.cdk.declarative.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's items of issue 12, each through the real CLI. Every test here failed on the main
 * branch before the fix (checked once against that code); the connectors use only keys that code
 * knew, so they fail for the reason the item names.
 */
class EngineItemsTest extends WireMockSupport {

    private Path bearer(String http) {
        return connector("""
                name: echo
                base_url: BASE
                spec:
                  - name: api_key
                    secret: true
                auth:
                  type: bearer
                  token: "{{ config.api_key }}"
                http:
                %s
                streams:
                  - name: items
                    request:
                      path: /items
                """.formatted(http.indent(2).stripTrailing()));
    }

    /** Item 1: a 401 body echoing the token JSON-escaped ({@code \/}) showed it in LOG, stream error and SYNC_SUMMARY. */
    @Test
    void item1_aTokenEchoedJsonEscapedIsMaskedEverywhere() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"echo\":\"Bearer tok\\/S3c+r=t&Qz9\",\"q\":\"tok\\u002FS3c\"}")));
        CliRun run = read(bearer("max_retries: 0"), "{\"api_key\":\"tok/S3c+r=t&Qz9\"}");
        String error = run.summaryStream("items").path("error").asText();
        assertTrue(error.contains("HTTP 401") && error.contains("Bearer ***"), error);
        assertFalse(run.all().contains("S3c+r"), run::toString);
    }

    /** Item 9: secrets shorter than 4 characters were never masked ({@code Bearer abc}). */
    @Test
    void item9_aShortSecretIsMaskedAsAWholeToken() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"bad token\",\"echo\":\"Bearer abc\"}")));
        CliRun run = read(bearer("max_retries: 0"), "{\"api_key\":\"abc\"}");
        String error = run.summaryStream("items").path("error").asText();
        assertTrue(error.contains("Bearer ***") && error.contains("bad token"), error);
        assertFalse(run.all().contains("Bearer abc"), run::toString);
    }

    /** Item 1, tokens fetched at run time: an OAuth token is no config value, yet its echo is masked too. */
    @Test
    void item1_aFetchedTokenEchoedBackIsMasked() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"fetched\\/tok-77\",\"expires_in\":3600}")));
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"denied\":\"Bearer fetched\\/tok-77\"}")));
        Path file = connector("""
                name: oauth
                base_url: BASE
                auth:
                  type: oauth2_client_credentials
                  token_url: BASE/oauth/token
                  client_id: "{{ config.client_id }}"
                  client_secret: "{{ config.client_secret }}"
                http:
                  max_retries: 0
                streams:
                  - name: items
                    request:
                      path: /items
                """);
        CliRun run = read(file, "{\"client_id\":\"cid\",\"client_secret\":\"csecret-1\"}");
        String error = run.summaryStream("items").path("error").asText();
        assertTrue(error.contains("HTTP 403") && error.contains("Bearer ***"), error);
        assertFalse(run.all().contains("tok-77"), run::toString);
    }

    /** Item 2: a reset in the middle of a body was not retried and the records parsed from the partial page were emitted. */
    @Test
    void item2_aResetMidBodyIsRetriedAndThePartialPageIsNotEmitted() throws Exception {
        try (MidBodyResetServer api = new MidBodyResetServer(2)) {
            CliRun run = read(resetConnector(api.base()), "{}");
            assertEquals("SUCCEEDED", run.summary().path("status").asText(), run::toString);
            Pages.assertExactlyOnce(run, Pages.PAGES);
            Pages.assertStateNeverPassesEmittedData(run);
            assertEquals(2, api.requests(2), "page 2 is fetched again after the reset");
            assertTrue(run.logs("WARN").stream().anyMatch(m -> m.contains("page=2") && m.contains("retrying")), run::toString);
        }
    }

    private Path resetConnector(String base) {
        return io.solidafy.cdk.declarative.support.Cli.yaml(dir, "reset.yaml", Pages.connector("max_retries: 2").replace("BASE", base));
    }

    /** Item 4: a JSON string over 20,000,000 characters was rejected as "not valid JSON". */
    @Test
    void item4_aRecordWithA25MillionCharacterFieldIsRead() throws Exception {
        String text = "x".repeat(25_000_000);
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[{\"id\":1,\"text\":\"" + text + "\"}]")));
        CliRun run = read(bearer("max_retries: 0"), "{\"api_key\":\"k-12345\"}");
        // the test's own parser needs the larger limit too (CliRun's default mapper stops at 20,000,000)
        ObjectMapper large = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(100_000_000).build()).build());
        List<JsonNode> messages = new ArrayList<>();
        for (String line : run.stdout().split("\n")) {
            messages.add(large.readTree(line));
        }
        JsonNode summary = messages.get(messages.size() - 1);
        assertEquals("SUCCEEDED", summary.at("/summary/status").asText(), summary::toString);
        List<JsonNode> records = messages.stream().filter(m -> m.path("type").asText().equals("RECORD")).toList();
        assertEquals(1, records.size());
        assertEquals(25_000_000, records.get(0).at("/record/data/text").asText().length());
    }

    /** Item 5: timeout_secs bounded only the gap between reads, so a trickling server held a page past it. */
    @Test
    void item5_timeoutSecsBoundsTheWholeRequest() {
        server.stubFor(get(urlPathEqualTo("/items")).inScenario("slow").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
                .willReturn(okJson("[{\"id\":1},{\"id\":2}]").withChunkedDribbleDelay(20, 6000)));
        server.stubFor(get(urlPathEqualTo("/items")).inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
        long start = System.nanoTime();
        CliRun run = read(bearer("timeout_secs: 2\nmax_retries: 1"), "{\"api_key\":\"k-12345\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("SUCCEEDED", run.summary().path("status").asText(), run::toString);
        assertEquals(2, run.records("items").size());
        assertTrue(run.logs("WARN").stream().anyMatch(m -> m.contains("Timeout") && m.contains("deadline")), run::toString);
        assertTrue(millis < 5900, "the trickling answer (6 s) was abandoned at the deadline, not waited for: " + millis + " ms");
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    /** Item 14: cursors with a {@code +0000} offset were compared as text, so the saved cursor could move wrongly. */
    @Test
    void item14_cursorsWithCompactOffsetsAreComparedAsInstants() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("""
                {"records":[{"Id":"a","SystemModstamp":"2024-01-01T10:00:00.000+0000"},
                            {"Id":"b","SystemModstamp":"2024-01-01T09:30:00.000-0100"}]}""")));
        Path file = connector("""
                name: soql
                base_url: BASE
                streams:
                  - name: accounts
                    cursor_field: SystemModstamp
                    incremental:
                      client_side_filter: true
                    request:
                      path: /items
                    decoder:
                      records_path: records
                """);
        CliRun first = read(file, "{}");
        assertEquals("2024-01-01T09:30:00.000-0100", first.state().at("/streams/accounts/cursor").asText(), first::toString);
        CliRun second = read(file, "{}", "--state-json", first.state().toString());
        assertEquals(1, second.records("accounts").size(), second::toString); // only the record at the saved cursor itself
        assertEquals("b", second.records("accounts").get(0).path("Id").asText());
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")).withHeader("User-Agent", equalTo("solidafy-cdk/0.1.0")));
    }
}
