package io.solidafy.cdk.declarative.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.solidafy.cdk.declarative.connectors.Json.arr;
import static io.solidafy.cdk.declarative.connectors.Json.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.io.PrintStream;
import io.solidafy.cdk.runtime.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user guide's connector file names ({@code connectors/stripe.yaml}) stand for the built-in
 * connectors, and {@code export} prints a built-in's YAML that, copied and changed, validates and runs.
 */
class GuideCompatibilityTest extends ConnectorTestBase {

    private static final String KEY = "sk_test_51GuideCompatExampleKey000000000000abcd";

    @TempDir
    Path tmp;

    private ObjectNode config() {
        return obj("api_key", KEY, "base_url", origin() + "/v1");
    }

    private void stubCustomers() {
        ObjectNode first = obj("id", "cus_Guide02", "object", "customer", "created", 1709258400L, "email", "ada@example.com");
        ObjectNode second = obj("id", "cus_Guide01", "object", "customer", "created", 1709254800L, "email", "alan@example.com");
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", absent())
                .willReturn(json(obj("object", "list", "url", "/v1/customers", "has_more", true, "data", arr(first)))));
        server.stubFor(get(urlPathEqualTo("/v1/customers")).withQueryParam("starting_after", equalTo("cus_Guide02"))
                .willReturn(json(obj("object", "list", "url", "/v1/customers", "has_more", false, "data", arr(second)))));
    }

    @Test
    void guideFileNameOfAMissingFileRunsTheBuiltInWithOneInfoLine() {
        assertFalse(Files.exists(Path.of("connectors/stripe.yaml")), "the test needs connectors/stripe.yaml not to exist");
        stubCustomers();

        CliResult result = read("connectors/stripe.yaml", config(), "customers").assertSucceeded();

        result.assertCount("customers", 2);
        assertEquals("stripe", result.summary().path("connector").asText());
        List<String> notices = result.messages().stream().filter(m -> "INFO".equals(m.at("/log/level").asText()))
                .map(m -> m.at("/log/message").asText()).filter(m -> m.contains("connectors/stripe.yaml")).toList();
        assertEquals(List.of("Connector file connectors/stripe.yaml does not exist; using the built-in connector 'stripe'"
                + " (solidafy-cdk export -c stripe prints its definition)."), notices);
        assertNotLeaked(result, KEY);
    }

    @Test
    void guideFileNameMayBeAnAlias() {
        CliResult spec = cli("spec", "--connector", "connectors/openai-billing.yaml");
        assertEquals(0, spec.exitCode(), spec.stderr());
        assertEquals("openai", spec.last("SPEC").orElseThrow().at("/spec/name").asText(), spec.stdout());

        CliResult validate = cli("validate", "--connector", "./connectors/github-billing.yaml");
        assertEquals(0, validate.exitCode(), validate.stderr());
        assertEquals("github", validate.last("VALIDATION").orElseThrow().at("/validation/connector").asText());
    }

    @Test
    void missingFileWithAnUnknownNameIsStillAnError() {
        CliResult result = cli("spec", "--connector", "connectors/no-such-api.yaml");
        assertEquals(1, result.exitCode());
        assertEquals("Connector file connectors/no-such-api.yaml does not exist.", result.stderr().strip());
        // only a folder named connectors stands for the built-ins: a user's own path is never replaced
        CliResult own = cli("spec", "--connector", "my-connectors/stripe.yaml");
        assertEquals(1, own.exitCode());
        assertEquals("Connector file my-connectors/stripe.yaml does not exist.", own.stderr().strip());
    }

    @Test
    void exportPrintsTheBuiltInYamlWithoutTheRepositorySchemaLine() throws IOException {
        ExportRun result = export("export", "-c", "stripe");

        assertEquals(0, result.exitCode(), result.stderr());
        String bundled = resource("connectors/stripe.yaml");
        assertTrue(bundled.startsWith("# yaml-language-server: $schema="), "built-ins start with the editor schema line");
        assertEquals(bundled.substring(bundled.indexOf('\n') + 1), result.stdout());
        assertEquals("", result.stderr());
    }

    @Test
    void exportedCopyValidatesAndRunsAfterAChange() throws IOException {
        String exported = export("export", "-c", "connectors/stripe.yaml").stdout();
        Path copy = tmp.resolve("my-stripe.yaml");
        Files.writeString(copy, exported.replace("name: stripe\n", "name: my-stripe\n"), StandardCharsets.UTF_8);

        CliResult validate = cli("validate", "-c", copy.toString());
        assertEquals(0, validate.exitCode(), validate.stderr());
        assertEquals("my-stripe", validate.last("VALIDATION").orElseThrow().at("/validation/connector").asText());

        stubCustomers();
        // a user's own file has no base_url config key: point the copy at the stub server
        Files.writeString(copy, Files.readString(copy).replace("https://api.stripe.com/v1", origin() + "/v1"));
        CliResult run = read(copy.toString(), obj("api_key", KEY), "customers").assertSucceeded();
        run.assertCount("customers", 2);
        assertEquals("my-stripe", run.summary().path("connector").asText());
        assertEquals(1709258400L, run.cursor("customers").asLong());
    }

    @Test
    void exportOfAGuideFileNameTellsSoOnStderrAndKeepsStdoutYaml() throws IOException {
        ExportRun result = export("export", "-c", "connectors/openai-billing.yaml");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().startsWith("#") || result.stdout().startsWith("name:"), result.stdout());
        assertTrue(result.stdout().contains("\nname: openai\n"), result.stdout());
        assertTrue(result.stderr().contains("\"level\":\"INFO\""), result.stderr());
        assertTrue(result.stderr().contains("using the built-in connector 'openai'"), result.stderr());
    }

    /** An export run: its stdout is YAML, not protocol messages. */
    private ExportRun export(String... args) throws IOException {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add("--plugins-dir");
        all.add(Files.createDirectories(tmp.resolve("plugins")).toString());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), out, new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new ExportRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record ExportRun(int exitCode, String stdout, String stderr) {}

    private static String resource(String name) throws IOException {
        try (InputStream in = GuideCompatibilityTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
