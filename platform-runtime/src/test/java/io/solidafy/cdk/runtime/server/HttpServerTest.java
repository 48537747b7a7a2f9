package io.solidafy.cdk.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.testing.ServerRun;
import io.solidafy.cdk.runtime.testing.ServerRun.Reply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every route, envelope and error status of the REST API on a real server, with the fixture connector. */
class HttpServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEY = "good-secret-4242";
    private static ServerRun server;

    @BeforeAll
    static void start() {
        server = ServerRun.start(ServerOptions.defaults().withLimits(4096, 2, 50, Duration.ofMinutes(1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthIsNotEnveloped() {
        Reply reply = server.get("/health");
        assertEquals(200, reply.status());
        assertEquals("{\"status\":\"ok\"}", reply.body());
        assertEquals("application/json", reply.header("Content-Type"));
    }

    @Test
    void connectorsListsEveryConnectorWithItsConfigSchema() {
        JsonNode data = server.get("/connectors").data();
        assertEquals("CONNECTORS", data.get("type").asText());
        JsonNode fixture = data.get("connectors").get(0);
        assertEquals("fixture", fixture.get("name").asText());
        assertEquals("[\"fixture-alias\"]", fixture.get("aliases").toString());
        assertEquals("Testing", fixture.get("category").asText());
        JsonNode key = fixture.at("/config_schema/0");
        assertEquals("api_key", key.get("name").asText());
        assertTrue(key.get("secret").asBoolean());
        assertTrue(key.get("required").asBoolean());
        assertTrue(key.has("default"));
        assertEquals("[\"ascending\",\"descending\",\"broken\"]", fixture.get("streams").toString());
    }

    @Test
    void streamsByPathAndByBody() {
        JsonNode byPath = server.get("/connectors/fixture/streams").data();
        assertEquals("{\"type\":\"STREAMS\",\"connector\":\"fixture\",\"streams\":[\"ascending\",\"descending\",\"broken\"]}",
                byPath.toString());
        JsonNode byAlias = server.post("/streams", "{\"connector\":\"fixture-alias\",\"config\":{}}").data();
        assertEquals(byPath, byAlias);
    }

    @Test
    void checkSucceedsAndAFailedConnectionIsStill200WithItsSecretMasked() {
        JsonNode ok = server.post("/check", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"}}").data();
        assertEquals("{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\",\"message\":\"Connection successful\"}}",
                ok.toString());
        Reply failed = server.post("/check", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"rejected-key-777\"}}");
        JsonNode status = failed.data().get("connectionStatus");
        assertEquals("FAILED", status.get("status").asText());
        assertEquals("Connection failed: HTTP 401: key *** was rejected", status.get("message").asText());
        assertFalse(server.log().contains("rejected-key-777"), server.log());
    }

    @Test
    void discoverReturnsTheCatalog() {
        JsonNode data = server.post("/discover", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"},\"sample\":0}").data();
        assertEquals("CATALOG", data.get("type").asText());
        JsonNode ascending = data.at("/catalog/streams/0");
        assertEquals("ascending", ascending.get("name").asText());
        assertEquals("[\"full_refresh\",\"incremental\"]", ascending.get("supported_sync_modes").toString());
        assertEquals("[\"n\"]", ascending.get("default_cursor_field").toString());
    }

    @Test
    void bufferedSyncReturnsSummaryStateAndRecords() {
        Reply reply = server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\",\"records\":3},"
                + "\"streams\":[\"ascending\",\"broken\"],\"format\":\"json\",\"state\":{\"streams\":{\"ascending\":{\"cursor\":1}}}}");
        JsonNode data = reply.data();
        assertEquals("SYNC_RESULT", data.get("type").asText());
        JsonNode result = data.get("result");
        assertEquals("PARTIAL", result.get("status").asText());
        assertEquals("fixture", result.get("connector").asText());
        assertEquals(4, result.get("total_records").asInt()); // 2 and 3 of ascending, 2 of broken
        assertEquals(2, result.get("total_streams").asInt());
        assertEquals(1, result.get("successful_streams").asInt());
        assertEquals(1, result.get("failed_streams").asInt());
        assertTrue(result.has("duration_ms"));
        assertEquals("json", result.at("/output/format").asText());
        assertEquals("SUCCESS", result.at("/streams/0/status").asText());
        assertEquals(2, result.at("/streams/0/records_synced").asInt());
        assertEquals("Upstream rejected key *** with HTTP 500", result.at("/streams/1/error").asText());
        assertEquals("{\"streams\":{\"ascending\":{\"cursor\":3}}}", result.get("state").toString());
        assertEquals(4, result.get("records").size());
        assertEquals("{\"n\":2}", result.at("/records/0/data").toString());
        assertEquals("ascending", result.at("/records/0/stream").asText());
        assertTrue(result.at("/records/0/emitted_at").isNumber());
        assertFalse(reply.body().contains(KEY));
    }

    @Test
    void bufferedSyncOverTheInlineLimitFailsNamingTheWaysOut() {
        Reply reply = server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\",\"records\":51},"
                + "\"streams\":[\"ascending\"]}");
        String error = reply.error(400);
        assertTrue(error.contains("more than 50 records") && error.contains("application/x-ndjson") && error.contains("parquet"), error);
        // the limit is exact: 50 records fit
        Reply fits = server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\",\"records\":50},"
                + "\"streams\":[\"ascending\"]}");
        assertEquals(50, fits.data().at("/result/records").size());
    }

    @Test
    void streamedSyncWritesTheProtocolMessagesWithTheSummaryLast() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/sync"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY
                        + "\",\"records\":500},\"streams\":[\"ascending\"],\"max_records\":400}"))
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson").build();
        HttpResponse<java.util.stream.Stream<String>> response = server.client().send(request, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertEquals("application/x-ndjson", response.headers().firstValue("Content-Type").orElseThrow());
        List<JsonNode> messages = new ArrayList<>();
        for (String line : (Iterable<String>) response.body()::iterator) {
            messages.add(MAPPER.readTree(line));
        }
        assertEquals(400, messages.stream().filter(m -> m.get("type").asText().equals("RECORD")).count());
        JsonNode last = messages.get(messages.size() - 1);
        assertEquals("SYNC_SUMMARY", last.get("type").asText());
        assertEquals(400, last.at("/summary/total_records").asInt());
        JsonNode finalState = messages.get(messages.size() - 2);
        assertEquals("{\"streams\":{\"ascending\":{\"cursor\":400}}}", finalState.get("state").toString());
        assertTrue(messages.stream().anyMatch(m -> m.get("type").asText().equals("LOG")));
    }

    @Test
    void errorsAreEnvelopesWithTheRightStatus() throws Exception {
        assertTrue(server.post("/check", "{\"connector\":").error(400).contains("not valid JSON"));
        String malformed = server.post("/check", "{\"connector\":\"fixture\",\"config\":{\"api_key\":sk_live_unquoted99}}").error(400);
        assertTrue(malformed.contains("line 1, column") && !malformed.contains("sk_live_unquoted99"), malformed);
        assertTrue(server.post("/check", "[1,2]").error(400).contains("JSON object"));
        assertEquals("Field 'connector' is required.", server.post("/check", "{\"config\":{}}").error(422));
        assertTrue(server.post("/check", "{\"connector\":42}").error(422).startsWith("Field 'connector' must be"));
        assertTrue(server.post("/check", "{\"connector\":\"fixture\",\"config\":[]}").error(422).startsWith("Field 'config' must be"));
        assertTrue(server.post("/check", "{\"connector\":\"fixture\",\"config\":{}}").error(422).contains("'api_key'"));
        assertTrue(server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"},\"streams\":\"ascending\"}")
                .error(422).startsWith("Field 'streams' must be"));
        assertTrue(server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"},\"max_records\":-1}")
                .error(422).startsWith("Field 'max_records' must be"));
        assertTrue(server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"},\"format\":\"csv\"}")
                .error(400).startsWith("Field 'format' must be one of json"));
        assertTrue(server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"},\"output\":\"/tmp/x\"}")
                .error(400).contains("only for file formats"));
        assertTrue(server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"},\"state\":{\"ascending\":5}}")
                .error(422).contains("state of stream 'ascending'"));
        assertTrue(server.post("/check", "{\"connector\":\"nope\",\"config\":{}}").error(404).contains("Unknown connector 'nope'"));
        assertTrue(server.get("/nowhere").error(404).contains("No route /nowhere"));
        Reply wrongMethod = server.get("/sync");
        assertTrue(wrongMethod.error(405).contains("use POST"));
        assertEquals("POST", wrongMethod.header("Allow"));
        assertEquals(405, server.post("/connectors", "{}").status());
        Reply text = server.send(HttpRequest.newBuilder(server.uri("/check")).POST(HttpRequest.BodyPublishers.ofString("connector=fixture"))
                .header("Content-Type", "text/plain").build());
        assertTrue(text.error(415).contains("application/json"));
        String big = "{\"connector\":\"fixture\",\"config\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
        assertTrue(server.post("/check", big).error(413).contains("4096 bytes"));
    }

    @Test
    void connectorNamesCannotTraversePaths() {
        for (String path : List.of("/connectors/..%2f..%2fetc%2fpasswd/streams", "/connectors/%2e%2e%2f%2e%2e%2fetc/streams",
                "/connectors/%2e%2e/streams", "/connectors/..%5cwindows/streams", "/connectors/fixture%00/streams")) {
            Reply reply = server.get(path);
            assertTrue(reply.status() == 400 || reply.status() == 404, path + " -> " + reply.status() + " " + reply.body());
            assertFalse(reply.json().path("success").asBoolean(true), reply.body());
        }
        for (String name : List.of("../../etc/passwd", "..%2f..%2fetc%2fpasswd", "/etc/passwd", "fixture.yaml", "C:\\\\x")) {
            String error = server.post("/streams", "{\"connector\":\"" + name + "\",\"config\":{}}").error(404);
            assertTrue(error.startsWith("Unknown connector"), error);
        }
    }

    @Test
    void secondSyncBeyondTheLimitIsTurnedAwayAndADisconnectedClientFreesItsSlot() throws Exception {
        List<InputStream> open = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            open.add(openStream(20_000_000));
        }
        Reply full = server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"}}");
        assertTrue(full.error(429).contains("--max-concurrent-syncs"), full.body());
        assertEquals("5", full.header("Retry-After"));
        for (InputStream in : open) {
            in.close(); // the client goes away mid-stream
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!server.get("/metrics").body().contains("solidafy_syncs_running 0.0") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(server.get("/metrics").body().contains("solidafy_syncs_running 0.0"), "the cancelled syncs still hold their slots");
        assertEquals("SUCCEEDED", server.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\",\"records\":2},"
                + "\"streams\":[\"ascending\"]}").data().at("/result/status").asText());
    }

    /** Starts a streamed sync of {@code records} and reads its first lines, leaving the rest unread. */
    private InputStream openStream(int records) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/sync"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY
                        + "\",\"records\":" + records + "},\"streams\":[\"ascending\"]}"))
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson").build();
        HttpResponse<InputStream> response = server.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
            assertTrue(lines.readLine() != null);
        }
        return response.body();
    }

    @Test
    void aSyncPastTheRequestTimeoutIsCancelledAndEndsWithItsSummary() throws Exception {
        try (ServerRun strict = ServerRun.start(ServerOptions.defaults().withLimits(4096, 2, 50, Duration.ofSeconds(1)))) {
            Reply reply = strict.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY
                    + "\",\"records\":2000000000},\"streams\":[\"ascending\"]}", "Accept", "application/x-ndjson");
            String[] lines = reply.body().split("\n");
            JsonNode summary = MAPPER.readTree(lines[lines.length - 1]);
            assertEquals("SYNC_SUMMARY", summary.get("type").asText());
            long sent = summary.at("/summary/total_records").asLong();
            assertTrue(sent < 2_000_000_000L, summary.toString());
            assertEquals(sent, MAPPER.readTree(lines[lines.length - 2]).at("/state/streams/ascending/cursor").asLong());
            assertTrue(reply.body().contains("request timeout of 1 s"), lines[lines.length - 3]);
        }
    }

    @Test
    void metricsAreInPrometheusTextFormat() {
        server.get("/health");
        Reply metrics = server.get("/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"));
        assertTrue(metrics.body().contains("# TYPE solidafy_syncs_running gauge"), metrics.body());
        assertTrue(metrics.body().contains("solidafy_http_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"}"),
                metrics.body());
    }

    @Test
    void tokenIsRequiredEverywhereButHealth() {
        try (ServerRun secured = ServerRun.start(ServerOptions.defaults().withAuthToken("t0ken-abc"))) {
            assertEquals(200, secured.get("/health").status());
            Reply missing = secured.get("/connectors");
            assertTrue(missing.error(401).contains("bearer token"));
            assertEquals("Bearer", missing.header("WWW-Authenticate"));
            assertEquals("The bearer token is not valid.", secured.get("/connectors", "Authorization", "Bearer wrong").error(401));
            assertEquals(401, secured.get("/metrics").status());
            assertEquals(401, secured.get("/openapi.json").status());
            assertEquals(200, secured.get("/connectors", "Authorization", "Bearer t0ken-abc").status());
        }
    }

    @Test
    void corsIsOffUnlessOriginsAreListed() {
        assertNull(server.get("/health", "Origin", "https://app.example").header("Access-Control-Allow-Origin"));
        try (ServerRun cors = ServerRun.start(ServerOptions.defaults().withNetwork(List.of("https://app.example"), false))) {
            assertEquals("https://app.example", cors.get("/connectors", "Origin", "https://app.example").header("Access-Control-Allow-Origin"));
            assertNull(cors.get("/connectors", "Origin", "https://evil.example").header("Access-Control-Allow-Origin"));
            Reply preflight = cors.send(HttpRequest.newBuilder(cors.uri("/sync")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example").header("Access-Control-Request-Method", "POST").build());
            assertEquals(204, preflight.status());
            assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
        }
    }

    @Test
    void privateNetworksAreRefusedWhenAsked() {
        String body = "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\",\"base_url\":\"http://127.0.0.1:9/v1\"}}";
        assertEquals(200, server.post("/check", body).status());
        try (ServerRun guarded = ServerRun.start(ServerOptions.defaults().withNetwork(List.of(), true))) {
            String error = guarded.post("/check", body).error(400);
            assertTrue(error.contains("'base_url'") && error.contains("--deny-private-networks"), error);
            assertTrue(guarded.post("/sync", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\",\"host\":\"10.1.2.3\"}}")
                    .error(400).contains("'host'"));
            assertEquals(200, guarded.post("/check", "{\"connector\":\"fixture\",\"config\":{\"api_key\":\"" + KEY + "\"}}").status());
        }
    }
}
