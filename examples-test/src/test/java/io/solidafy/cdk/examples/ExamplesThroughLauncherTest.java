package io.solidafy.cdk.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import io.solidafy.cdk.testkit.CommandResult;
import io.solidafy.cdk.testkit.RecordedApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every project under {@code examples/} built by Maven from this reactor's own artifacts (its tests,
 * which use the test kit, included), its jar or plugin folder dropped into a fresh plugins
 * directory, and run through the real {@code ./solidafy-cdk} launcher beside the built-in YAML
 * engine and {@code sample} source.
 *
 * <p>The GraphQL paginator is built and dropped in by the README's plugin quick start, run as
 * written in a stand-in checkout with two substitutions only: its first command ({@code mvn
 * install} of the SPI and test kit) is replaced by seeding a throw-away Maven repository with the
 * same artifacts, so the user's {@code ~/.m2} is left alone; and the public SWAPI address by a local
 * server playing recorded SWAPI pages, since tests have no internet.
 */
class ExamplesThroughLauncherTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("solidafy.root"), "examples");

    @RegisterExtension
    static final RecordedApi SWAPI = RecordedApi.fromDirectory(EXAMPLES.resolve("graphql-relay-paginator/src/test/resources/recorded/swapi"));

    @RegisterExtension
    static final RecordedApi EXCHANGE = RecordedApi.empty();

    private static final String KEY = "ak_live_7f3c9e";
    private static final String SECRET = "sk_9b1d0c6e2f4a48b7a3e5d1c0f9e8b7a6";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path work;
    private static Checkout checkout;
    private static Shell shell;
    private static Shell.Result quickStart;

    @BeforeAll
    static void buildEveryExampleAndDropItIn() throws Exception {
        work = Files.createTempDirectory("examples-test");
        checkout = Checkout.create(Files.createDirectories(work.resolve("checkout")), List.of("plugin-declarative-yaml", "plugin-source-sample"));
        shell = new Shell(checkout.root(), LocalMavenRepository.seed(Files.createDirectories(work.resolve("home"))), work.resolve("cache"));

        quickStart = ReadmeQuickStart.read(Path.of(System.getProperty("solidafy.root"), "README.md")).runAfterInstall(shell, SWAPI.baseUrl());
        Shell.Result build = shell.run("mvn -B -q -f examples/pom.xml verify -pl !graphql-relay-paginator");
        assertEquals(0, build.exitCode(), build::toString);

        Path plugins = checkout.resolve("plugins-dir");
        for (String jar : List.of("hmac-auth/target/hmac-auth-0.1.0.jar",
                "gzip-ndjson-destination/target/gzip-ndjson-destination-0.1.0.jar", "template/target/my-plugin-0.1.0.jar")) {
            Path built = checkout.resolve("examples").resolve(jar);
            Files.copy(built, plugins.resolve(built.getFileName()));
        }
        Path folderPlugin = Files.createDirectories(plugins.resolve("folder-source"));
        try (Stream<Path> jars = Files.list(checkout.resolve("examples/folder-source/target/folder-source"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, folderPlugin.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @AfterAll
    static void removeWork() throws IOException {
        Checkout.deleteTree(work);
    }

    /** {@code ./solidafy-cdk args...} in the stand-in checkout, with its plugins-dir. */
    private static CommandResult launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("./solidafy-cdk"));
        command.addAll(List.of(args));
        Shell.Result result = shell.exec(command);
        return new CommandResult(result.exitCode(), result.stdout(), result.stderr());
    }

    @Test
    void theReadmeQuickStartReadsEveryFilmWithTheNewPaginator() {
        CommandResult read = new CommandResult(quickStart.exitCode(), quickStart.stdout(), quickStart.stderr()).assertSucceeded();

        assertEquals(List.of("A New Hope", "The Empire Strikes Back", "Return of the Jedi", "The Phantom Menace", "Attack of the Clones",
                "Revenge of the Sith"), read.records("films").stream().map(f -> f.path("title").asText()).toList());
        assertTrue(Files.isRegularFile(checkout.resolve("plugins-dir/graphql-relay-paginator-0.1.0.jar")), "the quick start dropped the jar in");
    }

    @Test
    void listShowsThePluginsConnectorsAndNoLoadingProblem() throws Exception {
        CommandResult result = launch("list").assertSucceeded();

        List<String> names = new ArrayList<>();
        result.only("CONNECTORS").path("connectors").forEach(c -> names.add(c.path("name").asText()));
        assertTrue(names.containsAll(List.of("local-files", "my-connector", "sample", "stripe")), names::toString);
        for (String plugin : List.of("hmac-auth", "graphql-relay-paginator", "folder-source", "gzip-ndjson-destination", "my-plugin")) {
            assertFalse(result.stderr().contains(plugin), () -> "a dropped-in plugin did not load cleanly:\n" + result.stderr());
        }
    }

    @Test
    void theRelayPaginatorPagesAYamlConnector() throws Exception {
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("base_url", SWAPI.baseUrl()).put("page_size", 2);

        CommandResult result = launch("read", "-c", "examples/graphql-relay-paginator/swapi-films.yaml", "--config-json", config.toString())
                .assertSucceeded();

        assertEquals(6, result.records("films").size(), result::toString);
        SWAPI.server().verify(3, postRequestedFor(urlPathEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.variables.first", equalTo("2"))));
        SWAPI.server().verify(1, postRequestedFor(urlPathEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("YXJyYXljb25uZWN0aW9uOjM="))));
    }

    @Test
    void theHmacAuthSignsAYamlConnectorsRequests() throws Exception {
        EXCHANGE.server().stubFor(any(anyUrl()).atPriority(9).willReturn(unauthorized()));
        EXCHANGE.server().stubFor(get(urlPathEqualTo("/v1/fills")).withQueryParam("start_time", absent())
                .andMatching(ExamplesThroughLauncherTest::signed).atPriority(1)
                .willReturn(okJson("{\"fills\":[{\"trade_id\":\"t_1\",\"created_at\":\"2026-11-30T09:00:01Z\"}],\"next_cursor\":null}")));
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("api_key", KEY).put("api_secret", SECRET)
                .put("base_url", EXCHANGE.baseUrl());

        CommandResult result = launch("read", "-c", "examples/hmac-auth/signed-exchange.yaml", "--config-json", config.toString())
                .assertSucceeded();

        assertEquals("t_1", result.records("fills").get(0).path("trade_id").asText(), result::toString);
        assertFalse(result.everything().contains(SECRET));
    }

    /** The API's own check: HMAC-SHA256(secret, timestamp + method + path?query) in X-Signature. */
    private static MatchResult signed(Request request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String text = request.getHeader("X-Timestamp") + request.getMethod().value() + request.getUrl();
            String expected = HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            return MatchResult.of(KEY.equals(request.getHeader("X-Api-Key")) && expected.equals(request.getHeader("X-Signature")));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFolderSourceReadsCsvFilesIncrementally() throws Exception {
        Path data = Files.createDirectories(work.resolve("data/orders"));
        Path first = Files.writeString(data.resolve("a.csv"), "id,amount\n1,9.50\n2,3.00\n");
        Files.setLastModifiedTime(first, FileTime.from(Instant.parse("2026-11-01T00:00:00Z")));
        String config = JsonNodeFactory.instance.objectNode().put("path", work.resolve("data").toString()).toString();

        CommandResult run1 = launch("read", "-c", "local-files", "--config-json", config).assertSucceeded();
        Files.writeString(data.resolve("b.csv"), "id,amount\n3,1.25\n");
        CommandResult run2 = launch("read", "-c", "local-files", "--config-json", config, "--state-json", run1.finalState().toString())
                .assertSucceeded();

        assertEquals(List.of("1", "2"), run1.records("orders").stream().map(r -> r.path("id").asText()).toList());
        assertEquals(List.of("3"), run2.records("orders").stream().map(r -> r.path("id").asText()).toList());
    }

    @Test
    void theGzipDestinationWritesTheSampleSourceThroughTheFileStorage() throws Exception {
        Path output = work.resolve("gzip-out");

        CommandResult result = launch("read", "-c", "sample", "--config-json", "{\"count\":4}", "--format", "ndjson-gzip", "--output", output.toString())
                .assertSucceeded();

        for (JsonNode stream : result.summary().path("streams")) {
            Path file = Path.of(stream.path("output_file").asText());
            assertTrue(file.startsWith(output), file.toString());
            assertEquals(4, gunzipLines(file).size(), file.toString());
        }
        assertEquals(3, result.summary().path("streams").size(), result::toString);
    }

    @Test
    void theTemplatePluginRunsAsIs() throws Exception {
        CommandResult result = launch("read", "-c", "my-connector", "--config-json", "{\"count\":3}").assertSucceeded();

        assertEquals(List.of(1, 2, 3), result.records("numbers").stream().map(r -> r.path("n").asInt()).toList());
    }

    @Test
    void theGuideSnippetsParseValidateAndRun() throws Exception {
        List<String> json = DocSnippets.blocks(Path.of(System.getProperty("solidafy.root"), "docs/plugins.md"), "json");
        List<String> yaml = DocSnippets.blocks(Path.of(System.getProperty("solidafy.root"), "docs/plugins.md"), "yaml");
        assertFalse(json.isEmpty() || yaml.isEmpty(), "docs/plugins.md has JSON and YAML snippets");
        for (String snippet : json) {
            JsonNode node = MAPPER.readTree(snippet);
            if (node.has("request") && node.has("response")) {
                assertEquals("POST", com.github.tomakehurst.wiremock.stubbing.StubMapping.buildFrom(snippet).getRequest().getMethod().value());
            }
        }
        SWAPI.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/graphql"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("allStarships")).atPriority(1)
                .willReturn(okJson("{\"data\":{\"allStarships\":{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":\"YXJyYXljb25uZWN0aW9uOjE=\"},"
                        + "\"starships\":[{\"id\":\"c3RhcnNoaXBzOjI=\",\"name\":\"CR90 corvette\",\"model\":\"CR90 corvette\"},"
                        + "{\"id\":\"c3RhcnNoaXBzOjM=\",\"name\":\"Star Destroyer\",\"model\":\"Imperial I-class Star Destroyer\"}]}}}")));
        int i = 0;
        for (String snippet : yaml) {
            Path file = Files.writeString(work.resolve("snippet-" + i++ + ".yaml"), snippet);
            launch("validate", "-c", file.toString()).assertSucceeded();
            if (snippet.contains("streams:")) {
                String config = JsonNodeFactory.instance.objectNode().put("base_url", SWAPI.baseUrl()).toString();
                CommandResult read = launch("read", "-c", file.toString(), "--config-json", config).assertSucceeded();
                assertFalse(read.ofType("RECORD").isEmpty(), read::toString);
            }
        }
    }

    private static List<JsonNode> gunzipLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }
}
