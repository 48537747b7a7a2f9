package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.solidafy.cdk.runtime.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs the real CLI in-process against a WireMock server that plays one API. One server per test
 * class (reset before each test); the plugins directory is empty so only the class path's plugins
 * (this one) are loaded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConnectorTestBase {

    protected WireMockServer server;
    private Path pluginsDir;

    @BeforeAll
    void startServer() throws IOException {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        pluginsDir = Files.createTempDirectory("connectors-test-plugins");
    }

    @AfterAll
    void stopServer() throws IOException {
        server.stop();
        try (Stream<Path> files = Files.walk(pluginsDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
    }

    /** http://127.0.0.1:port of the stub server. */
    protected String origin() {
        return server.baseUrl();
    }

    // ---------------------------------------------------------------- CLI

    protected CliResult cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--plugins-dir");
        all.add(pluginsDir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(all.toArray(String[]::new), out, errStream, Map.of());
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        List<JsonNode> messages = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                messages.add(Json.parse(line));
            }
        }
        return new CliResult(code, stdout, messages, err.toString(StandardCharsets.UTF_8));
    }

    protected CliResult read(String connector, ObjectNode config, String streams, JsonNode state) {
        List<String> args = new ArrayList<>(List.of("read", "--connector", connector, "--config-json", Json.text(config)));
        if (streams != null) {
            args.add("--streams");
            args.add(streams);
        }
        if (state != null) {
            args.add("--state-json");
            args.add(Json.text(state));
        }
        return cli(args.toArray(String[]::new));
    }

    protected CliResult read(String connector, ObjectNode config, String streams) {
        return read(connector, config, streams, null);
    }

    protected CliResult check(String connector, ObjectNode config) {
        return cli("check", "--connector", connector, "--config-json", Json.text(config));
    }

    /** The stream names the {@code streams} command lists for a connector (or alias). */
    protected List<String> streamNames(String connector) {
        CliResult result = cli("streams", "--connector", connector);
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode streams = result.last("STREAMS").orElseThrow().path("streams");
        List<String> names = new ArrayList<>();
        streams.forEach(s -> names.add(s.asText()));
        return names;
    }

    // ---------------------------------------------------------------- responses

    /** A 200 JSON answer with the usual headers of a JSON API. */
    protected static ResponseDefinitionBuilder json(JsonNode body) {
        return WireMock.aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("Cache-Control", "no-cache, no-store")
                .withBody(Json.text(body));
    }

    protected static ResponseDefinitionBuilder status(int status, JsonNode body) {
        return json(body).withStatus(status);
    }

    // ---------------------------------------------------------------- request log

    /** Every request the server received, oldest first. */
    protected List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    /** Requests whose path (without query) is {@code path}. */
    protected List<LoggedRequest> requests(String path) {
        return requests().stream().filter(r -> r.getUrl().split("\\?")[0].equals(path)).toList();
    }

    /** Asserts at least one request reached the server and every one carried the header value. */
    protected void assertEveryRequestHas(String header, String value) {
        assertEveryRequestHas(header, value, r -> true);
    }

    protected void assertEveryRequestHas(String header, String value, java.util.function.Predicate<LoggedRequest> which) {
        List<LoggedRequest> all = requests().stream().filter(which).toList();
        assertFalse(all.isEmpty(), "no request reached the stub server");
        for (LoggedRequest request : all) {
            HttpHeader found = request.getHeaders().getHeader(header);
            assertTrue(found.isPresent() && found.values().contains(value),
                    () -> request.getMethod() + " " + request.getUrl() + " lacks " + header + ": " + value + " (has " + found + ")");
        }
    }

    /** Asserts the server never answered "no stub matched". */
    protected void assertNoUnmatchedRequests() {
        List<LoggedRequest> unmatched = server.findAllUnmatchedRequests();
        assertTrue(unmatched.isEmpty(), () -> "unexpected requests: " + unmatched.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
    }

    /** Asserts a value appears nowhere in what the CLI printed. */
    protected static void assertNotLeaked(CliResult result, String secret) {
        assertFalse(result.stdout().contains(secret), () -> "secret leaked on stdout:\n" + result.stdout());
        assertFalse(result.stderr().contains(secret), () -> "secret leaked on stderr:\n" + result.stderr());
    }

    /** Asserts every stream of the map emitted exactly that many records in one run. */
    protected static void assertCounts(CliResult result, Map<String, Integer> expected) {
        result.assertSucceeded();
        expected.forEach(result::assertCount);
        assertEquals(expected.size(), result.summary().path("streams").size(), "streams in summary");
    }

    /** The distinct values of {@code key} must be exactly the records' count (each record once). */
    protected static void assertUnique(CliResult result, String stream, Function<JsonNode, String> key) {
        List<String> keys = result.records(stream).stream().map(key).toList();
        assertEquals(keys.size(), keys.stream().distinct().count(), () -> "duplicate records in " + stream + ": " + keys);
    }

    /** The value of a query parameter of a logged request, or null. */
    protected static String param(LoggedRequest request, String name) {
        var parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : null;
    }
}
