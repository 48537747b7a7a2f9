package io.solidafy.cdk.declarative.docs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.declarative.definition.ConnectorDefinition;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.declarative.support.SchemaCheck;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every YAML and JSON snippet of the user docs is checked: YAML by the JSON Schema and by
 * {@code validate} (and run against WireMock when it is a whole connector), invalid YAML rejected by
 * both with the messages the doc shows, JSON parsed. The key tables are the schema's.
 *
 * <p>After changing {@code docs/connector.schema.json}, rewrite the tables with
 * {@code mvn -pl plugin-declarative-yaml -am verify -Dtest=DocsSnippetTest -Dsurefire.failIfNoSpecifiedTests=false -Dsolidafy.docs.update=true}.
 */
class DocsSnippetTest extends WireMockSupport {

    private static final Path FORMAT = Path.of("..", "docs", "connector-format.md");
    private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md");
    private static final List<Path> DOCS = List.of(FORMAT, PROTOCOL);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How each whole connector of the docs is run: its stubs, config and what must come out. */
    private final Map<String, Consumer<Path>> runs = Map.of(
            "tasks", this::runTasks,
            "my-api", this::runMinimal,
            "helpdesk", this::runHelpdesk);

    @Test
    void keyTablesAreTheSchemas() throws IOException {
        String markdown = Files.readString(FORMAT, StandardCharsets.UTF_8);
        KeyTables tables = new KeyTables();
        String expected = tables.rewrite(markdown);
        if (Boolean.getBoolean("solidafy.docs.update")) {
            Files.writeString(FORMAT, expected, StandardCharsets.UTF_8);
            markdown = expected;
        }
        assertEquals(expected, markdown, "docs/connector-format.md's key tables differ from docs/connector.schema.json;"
                + " rerun this test with -Dsolidafy.docs.update=true to rewrite them");
        List<String> missing = new ArrayList<>(tables.blocksWithKeys());
        missing.removeAll(KeyTables.blocks(markdown));
        assertEquals(List.of(), missing, "blocks of the schema without a table in docs/connector-format.md");
    }

    @Test
    void everyYamlSnippetIsValidAndEveryWholeConnectorRuns() throws IOException {
        int whole = 0;
        for (Path doc : DOCS) {
            for (Snippet snippet : Snippet.of(doc)) {
                if (!snippet.language().equals("yaml") || snippet.marked("invalid")) {
                    continue;
                }
                String yaml = snippet.wholeConnector() ? snippet.text() : completed(snippet);
                assertEquals(List.of(), ConnectorDefinition.problems(new StringReader(yaml)), snippet + "\n" + yaml);
                assertEquals(List.of(), SchemaCheck.errors(yaml).stream().map(e -> SchemaCheck.path(e) + " " + e.getMessage()).toList(),
                        snippet + "\n" + yaml);
                if (snippet.wholeConnector()) {
                    String name = snippet.topValue("name");
                    Consumer<Path> run = runs.get(name);
                    if (run == null) {
                        fail(snippet + " is a whole connector '" + name + "': add how to run it to DocsSnippetTest.runs");
                    }
                    server.resetAll();
                    run.accept(Cli.yaml(dir, name + ".yaml", pointedAtServer(snippet)));
                    whole++;
                }
            }
        }
        assertEquals(runs.size(), whole, "every run of DocsSnippetTest belongs to a snippet");
    }

    @Test
    void invalidYamlSnippetsAreRejectedByBothWithTheMessagesShown() throws IOException {
        List<Snippet> snippets = Snippet.of(FORMAT);
        int checked = 0;
        for (int i = 0; i < snippets.size(); i++) {
            Snippet snippet = snippets.get(i);
            if (!snippet.marked("invalid")) {
                continue;
            }
            assertFalse(SchemaCheck.errors(snippet.text()).isEmpty(), snippet + ": the schema accepts it");
            Path folder = Files.createDirectories(Path.of("target", "doc-snippets"));
            Path file = Files.writeString(folder.resolve("my-api.yaml"), snippet.text());
            CliRun run = cli.run("validate", "-c", file.toString());
            assertEquals(1, run.exitCode(), run.toString());
            Snippet shown = snippets.get(i + 1);
            assertEquals("text", shown.language(), snippet + " is followed by the output it gives");
            assertEquals(shown.text(), run.stderr().replace(folder + "/", ""), snippet + ": the doc shows other messages");
            checked++;
        }
        assertTrue(checked > 0);
    }

    @Test
    void everyJsonSnippetParsesAndMessagesStartWithTheirType() throws IOException {
        int checked = 0;
        for (Path doc : DOCS) {
            for (Snippet snippet : Snippet.of(doc)) {
                List<String> documents = switch (snippet.language()) {
                    case "json" -> List.of(snippet.text());
                    case "jsonl" -> snippet.text().lines().filter(l -> !l.isBlank()).toList();
                    default -> List.of();
                };
                for (String text : documents) {
                    JsonNode node;
                    try {
                        node = MAPPER.readTree(text);
                    } catch (IOException e) {
                        throw new AssertionError(snippet + " is not JSON: " + e.getMessage() + "\n" + text, e);
                    }
                    if (node.has("type") && node.get("type").asText().matches("[A-Z_]+")) {
                        assertEquals("type", node.fieldNames().next(), snippet + ": a message starts with its type");
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 10, "JSON snippets checked: " + checked);
    }

    /** A fragment made a connector: the keys a connector needs are added where the fragment lacks them. */
    private static String completed(Snippet snippet) {
        StringBuilder yaml = new StringBuilder();
        if (!snippet.topKey("name")) {
            yaml.append("name: snippet\n");
        }
        if (!snippet.topKey("base_url")) {
            yaml.append("base_url: https://api.example.com\n");
        }
        yaml.append(snippet.text());
        if (!snippet.topKey("streams")) {
            yaml.append("streams:\n  - name: items\n    request:\n      path: /items\n");
        }
        return yaml.toString();
    }

    /** The snippet with its base URL's host replaced by the stub server's. */
    private String pointedAtServer(Snippet snippet) {
        String url = snippet.topValue("base_url");
        String path = url.replaceFirst("^[a-z]+://[^/]*", "");
        return snippet.text().replaceFirst("(?m)^base_url:.*$", "base_url: \"" + base() + path + "\"");
    }

    // ---------------------------------------------------------------- the runs

    private void runTasks(Path connector) {
        server.stubFor(get(urlPathEqualTo("/v1/tasks")).withQueryParam("updated_since", equalTo("2024-01-01T00:00:00Z"))
                .withQueryParam("limit", equalTo("50")).withQueryParam("cursor", absent())
                .willReturn(json("{\"data\":[{\"id\":1,\"title\":\"Write docs\",\"updated_at\":\"2024-02-01T10:00:00Z\"},"
                        + "{\"id\":2,\"title\":\"Test them\",\"updated_at\":\"2024-02-03T08:30:00Z\"}],\"next_cursor\":\"c2\"}")));
        server.stubFor(get(urlPathEqualTo("/v1/tasks")).withQueryParam("cursor", equalTo("c2"))
                .willReturn(json("{\"data\":[{\"id\":3,\"title\":\"Ship\",\"updated_at\":\"2024-02-02T00:00:00Z\"}],\"next_cursor\":null}")));
        CliRun first = read(connector, "{\"api_token\":\"tok_docs_123456\",\"start_date\":\"2024-01-01T00:00:00Z\"}");
        assertEquals("SUCCEEDED", first.summary().get("status").asText(), first.toString());
        assertEquals(3, first.records("tasks").size());
        assertEquals("2024-02-03T08:30:00Z", first.state().at("/streams/tasks/cursor").asText());
        server.verify(2, getRequestedFor(urlPathEqualTo("/v1/tasks")).withHeader("Authorization", equalTo("Bearer tok_docs_123456")));

        server.stubFor(get(urlPathEqualTo("/v1/tasks")).withQueryParam("updated_since", equalTo("2024-02-03T08:30:00Z"))
                .willReturn(json("{\"data\":[],\"next_cursor\":null}")));
        CliRun second = read(connector, "{\"api_token\":\"tok_docs_123456\"}", "--state-json", first.state().toString());
        assertEquals("SUCCEEDED", second.summary().get("status").asText(), second.toString());
        assertEquals(0, second.records("tasks").size());
        assertTrue(server.findAllUnmatchedRequests().isEmpty(), () -> "unmatched: " + server.findAllUnmatchedRequests());
    }

    private void runMinimal(Path connector) {
        server.stubFor(get(urlPathEqualTo("/v1/tasks"))
                .willReturn(json("[{\"id\":\"t1\",\"done\":false},{\"id\":\"t2\",\"done\":true}]")));
        CliRun run = read(connector, "{}");
        assertEquals("SUCCEEDED", run.summary().get("status").asText(), run.toString());
        assertEquals(List.of("t1", "t2"), run.records("tasks").stream().map(r -> r.get("id").asText()).toList());
    }

    private void runHelpdesk(Path connector) {
        String tickets = "/api/v2/tickets";
        server.stubFor(get(urlPathEqualTo(tickets)).withQueryParam("updated_since", equalTo("2024-01-01T00:00:00Z"))
                .withQueryParam("page", equalTo("1")).withQueryParam("per_page", equalTo("2"))
                .willReturn(json("{\"tickets\":[{\"id\":101,\"subject\":\"Printer on fire\",\"updated_at\":\"2024-03-01T09:00:00Z\"},"
                        + "{\"id\":102,\"subject\":\"Password reset\",\"updated_at\":\"2024-03-02T09:00:00Z\"}]}")));
        server.stubFor(get(urlPathEqualTo(tickets)).withQueryParam("page", equalTo("2"))
                .willReturn(json("{\"tickets\":[{\"id\":103,\"subject\":\"Invoice copy\",\"updated_at\":\"2024-03-03T09:00:00Z\"}]}")));
        for (int id = 101; id <= 103; id++) {
            server.stubFor(get(urlPathEqualTo(tickets + "/" + id + "/comments"))
                    .willReturn(json("{\"comments\":[{\"id\":" + (id * 10) + ",\"body\":\"On it\"}]}")));
        }
        CliRun run = read(connector, "{\"subdomain\":\"acme\",\"api_token\":\"hd_docs_secret_99\"}");
        assertEquals("SUCCEEDED", run.summary().get("status").asText(), run.toString());
        assertEquals(3, run.records("tickets").size());
        assertEquals("acme", run.records("tickets").get(0).get("subdomain").asText());
        assertEquals(List.of(101, 102, 103), run.records("comments").stream().map(r -> r.get("ticket_id").asInt()).toList());
        assertEquals("2024-03-03T09:00:00Z", run.state().at("/streams/tickets/cursor").asText());
        server.verify(getRequestedFor(urlPathEqualTo(tickets)).withHeader("X-Api-Token", equalTo("hd_docs_secret_99")));
        assertFalse(run.stdout().contains("hd_docs_secret_99"), "the secret is masked");
        assertTrue(server.findAllUnmatchedRequests().isEmpty(), () -> "unmatched: " + server.findAllUnmatchedRequests());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
