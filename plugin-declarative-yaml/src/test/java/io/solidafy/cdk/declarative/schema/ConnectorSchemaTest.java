package io.solidafy.cdk.declarative.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import io.solidafy.cdk.declarative.definition.ConnectorDefinition;
import io.solidafy.cdk.declarative.definition.ConnectorSchema;
import io.solidafy.cdk.declarative.support.SchemaCheck;
import io.solidafy.cdk.spi.source.DefinitionProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connector format is defined once, in {@code docs/connector.schema.json}: the plugin packages
 * that file, every built-in passes it, and a real JSON Schema validator and {@code validate} reject
 * the same mistakes at the same place.
 */
class ConnectorSchemaTest {

    private static final String SCHEMA_LINE = "# yaml-language-server: $schema=../../../../../docs/connector.schema.json";

    @Test
    void thePluginPackagesTheSchemaOfTheDocsFolder() throws IOException {
        try (InputStream packaged = ConnectorSchema.class.getResourceAsStream(ConnectorSchema.RESOURCE)) {
            assertArrayEquals(Files.readAllBytes(SchemaCheck.DOCS_SCHEMA), packaged.readAllBytes());
        }
    }

    @Test
    void everyBuiltInPassesTheSchemaAndPointsEditorsAtIt() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("src/main/resources/connectors"))) {
            files = listed.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(10, files.size());
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text = Files.readString(file);
            assertTrue(text.startsWith(SCHEMA_LINE + "\n"), name + " starts with the yaml-language-server schema line");
            Path target = file.getParent().resolve(SCHEMA_LINE.substring(SCHEMA_LINE.indexOf('=') + 1)).normalize();
            assertEquals(SchemaCheck.DOCS_SCHEMA.toAbsolutePath().normalize(), target.toAbsolutePath().normalize());
            assertEquals(List.of(), SchemaCheck.errors(text), name);
            assertEquals(List.of(), ConnectorDefinition.problems(new StringReader(text)), name);
        }
    }

    private static final String BASE = """
            name: typo-demo
            base_url: https://api.example.com
            auth:
              type: bearer
              token: "{{ config.api_key }}"
            http:
              timeout_secs: 20
            streams:
              - name: items
                request:
                  path: /items
                pagination:
                  type: cursor
                  cursor_path: next
                  cursor_param: after
                  stop:
                    type: field
                    path: has_more
                    value: false
            """;

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("a typo in a pagination key", BASE.replace("      stop:\n", "      stop_condition:\n"),
                        "streams[0].pagination.stop_condition", "unknown key; did you mean 'stop'?"),
                Arguments.of("a typo in a top-level key", BASE.replace("http:\n", "htpp:\n"), "htpp", "unknown key; did you mean 'http'?"),
                Arguments.of("a typo in an auth key (so its required key is missing too)", BASE.replace("  token: ", "  tokn: "), "auth.tokn",
                        "unknown key; did you mean 'token'?"),
                Arguments.of("a missing required key", BASE.replace("name: typo-demo\n", ""), "", "name is required."),
                Arguments.of("a value outside its list", BASE.replace("cursor_param: after", "cursor_param: after\n      location: cookie"),
                        "streams[0].pagination.location", "'cookie' is not allowed; use one of [body, header, query]."),
                Arguments.of("a wrong type", BASE.replace("timeout_secs: 20", "timeout_secs: soon"), "http.timeout_secs",
                        "must be a number of 0 or more."),
                Arguments.of("a list that is text", BASE.replace("name: typo-demo\n", "name: typo-demo\naliases: demo\n"), "aliases",
                        "must be a list."),
                Arguments.of("a flag that is not a boolean", BASE.replace("      path: /items\n", "      path: /items\n    incremental:\n      client_side_filter: sometimes\n"),
                        "streams[0].incremental.client_side_filter", "must be true or false."),
                Arguments.of("an auth without type", BASE.replace("  type: bearer\n", ""), "auth",
                        "type is required (api_key, basic, bearer, jwt, none, oauth2_client_credentials, oauth2_refresh_token, selective, session_token or a plugin's type)."),
                Arguments.of("an unknown stop type", BASE.replace("type: field", "type: fields"), "streams[0].pagination.stop.type",
                        "'fields' is not allowed; did you mean 'field'?; use one of [empty_page, field, total_count, total_pages]."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void validateAndTheSchemaRejectTheSameMistakeAtTheSamePlace(String what, String yaml, String path, String message) {
        List<DefinitionProblem> problems = ConnectorDefinition.problems(new StringReader(yaml));
        assertTrue(problems.stream().anyMatch(p -> p.path().equals(path) && p.message().equals(message)),
                () -> what + ": " + problems);

        List<Error> errors = SchemaCheck.errors(yaml);
        assertFalse(errors.isEmpty(), what + ": the schema accepts it");
        // the same places, no more and no fewer
        assertEquals(problems.stream().map(DefinitionProblem::path).collect(Collectors.toSet()),
                errors.stream().map(SchemaCheck::path).collect(Collectors.toSet()),
                () -> what + ": " + errors.stream().map(e -> SchemaCheck.path(e) + " " + e.getMessage()).toList());
    }

    @Test
    void aPluginsAuthAndPaginationTypesWithTheirOwnKeysPassBoth() {
        String yaml = BASE.replace("  type: bearer\n  token: \"{{ config.api_key }}\"", "  type: hmac_signature\n  key_id: \"{{ config.key_id }}\"\n  secret: \"{{ config.secret }}\"")
                .replace("      type: cursor\n", "      type: graphql_relay\n      page_size: 50\n");
        assertTrue(yaml.contains("graphql_relay") && yaml.contains("hmac_signature"));
        assertEquals(List.of(), SchemaCheck.errors(yaml));
        assertEquals(List.of(), ConnectorDefinition.problems(new StringReader(yaml)));
    }

    @Test
    void unknownDecoderAndPartitionTypesAreRejectedByBoth() {
        String yaml = BASE.replace("    pagination:", "    decoder:\n      type: yaml\n    pagination:");
        assertEquals("streams[0].decoder.type", ConnectorDefinition.problems(new StringReader(yaml)).get(0).path());
        assertTrue(SchemaCheck.errors(yaml).stream().map(SchemaCheck::path).anyMatch("streams[0].decoder.type"::equals));
    }
}
