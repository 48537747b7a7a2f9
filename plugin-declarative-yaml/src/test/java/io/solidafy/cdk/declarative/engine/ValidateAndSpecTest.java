package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** validate, spec, metadata and config validation of user connector files. */
class ValidateAndSpecTest extends WireMockSupport {

    @Test
    void threeMistakesAreThreeLocatedErrorsAndExitOne() {
        Path file = Cli.yaml(dir, "broken.yaml", """
                name: broken
                base_url: https://api.example.com
                streams:
                  - name: a
                    request:
                      path: /a
                  - name: b
                    request:
                      path: /b
                      methd: GET
                  - name: c
                    request:
                      path: /c
                    pagination:
                      type: offset
                      stop_condition:
                        type: empty_page
                    decoder:
                      type: yaml
                """);
        CliRun result = cli.run("validate", "--connector", file.toString());
        assertEquals(1, result.exitCode());
        JsonNode errors = result.ofType("VALIDATION").get(0).path("validation").path("errors");
        assertEquals(3, errors.size(), errors.toString());
        assertEquals("streams[1].request.methd", errors.get(0).path("path").asText());
        assertEquals(10, errors.get(0).path("line").asInt());
        assertTrue(errors.get(0).path("message").asText().contains("did you mean 'method'?"));
        assertEquals("streams[2].pagination.stop_condition", errors.get(1).path("path").asText());
        assertEquals(16, errors.get(1).path("line").asInt());
        assertEquals("unknown key; did you mean 'stop'?", errors.get(1).path("message").asText());
        assertEquals("streams[2].decoder.type", errors.get(2).path("path").asText());
        assertEquals(19, errors.get(2).path("line").asInt());
        assertTrue(result.stderr().contains("broken.yaml:10:7: streams[1].request.methd: unknown key; did you mean 'method'?"), result.stderr());
    }

    @Test
    void templateAndStructureProblemsAreReportedTogether() {
        Path file = Cli.yaml(dir, "bad.yaml", """
                name: bad
                base_url: "{{ config.url"
                streams:
                  - name: a
                    request:
                      path: "/a/{{ config.id | shout }}"
                  - name: a
                    request:
                      path: /b
                    partition:
                      type: parent
                      stream: missing
                      parent_field: id
                """);
        CliRun result = cli.run("validate", "--connector", file.toString());
        assertEquals(1, result.exitCode());
        String all = result.ofType("VALIDATION").get(0).toString();
        assertTrue(all.contains("is not closed"), all);
        assertTrue(all.contains("unknown template function or filter 'shout'"), all);
        assertTrue(all.contains("stream name 'a' is used twice"), all);
        assertTrue(all.contains("parent stream 'missing'"), all);
    }

    @Test
    void validFileSpecWithInferredFieldsAndMetadata() {
        Path file = Cli.yaml(dir, "ok.yaml", """
                name: ok-api
                version: 1.2.0
                description: An example API
                category: Testing
                aliases: [okay]
                base_url: https://api.example.com
                auth:
                  type: bearer
                  token: "{{ config.api_token }}"
                streams:
                  - name: items
                    request:
                      path: /items
                      params:
                        since: "{{ config.since | default('') }}"
                """);
        CliRun validate = cli.run("validate", "--connector", file.toString());
        assertEquals(0, validate.exitCode(), validate.stderr());
        assertEquals("VALID", validate.ofType("VALIDATION").get(0).path("validation").path("status").asText());
        CliRun spec = cli.run("spec", "--connector", file.toString());
        assertEquals(0, spec.exitCode(), spec.stderr());
        String text = spec.stdout();
        assertTrue(text.contains("\"api_token\"") && text.contains("\"since\""), text);
        CliRun missing = cli.run("read", "--connector", file.toString(), "--config-json", "{}");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.stderr().contains("api_token"), missing.stderr());
    }

    @Test
    void declaredSpecDrivesValidationAndDefaults() {
        server.stubFor(get(urlEqualTo("/items?limit=25")).willReturn(okJson("[{\"id\":1}]")));
        Path file = connector("""
                name: specced
                spec:
                  - name: key
                    type: string
                    required: true
                    secret: true
                    description: API key
                  - name: limit
                    type: integer
                    default: 25
                base_url: BASE
                streams:
                  - name: items
                    request:
                      path: /items
                      params:
                        limit: "{{ config.limit }}"
                      headers:
                        X-Key: "{{ config.key }}"
                """);
        CliRun result = read(file, "{\"key\":\"kkkk-1\"}");
        assertEquals(1, result.records("items").size(), result.stdout() + result.stderr());
        CliRun noKey = read(file, "{}");
        assertEquals(1, noKey.exitCode());
    }

    @Test
    void unknownAuthTypeNamesTheInstalledOnes() {
        Path file = Cli.yaml(dir, "auth.yaml", """
                name: auth
                base_url: https://api.example.com
                auth:
                  type: kerberos
                streams:
                  - name: items
                    request:
                      path: /items
                """);
        CliRun result = cli.run("check", "--connector", file.toString(), "--config-json", "{}");
        String text = result.stdout() + result.stderr();
        assertTrue(text.contains("Unknown auth type 'kerberos'") && text.contains("oauth2_client_credentials"), text);
    }

    @Test
    void builtInConnectorsAreListed() {
        CliRun result = cli.run("list");
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> names = result.ofType("CONNECTORS").get(0).path("connectors").findValuesAsText("name");
        assertTrue(names.contains("stripe"), names.toString());
    }

    @Test
    void yamlAnchorsAndMergeKeysAreUnderstood() {
        server.stubFor(get(urlPathEqualTo("/a")).willReturn(okJson("{\"data\":[{\"id\":1}]}")));
        server.stubFor(get(urlPathEqualTo("/b")).willReturn(okJson("{\"items\":[{\"id\":2}]}")));
        Path file = connector("""
                name: anchors
                base_url: BASE
                streams:
                  - name: a
                    request:
                      path: /a
                    decoder: &json_data
                      type: json
                      records_path: data
                  - name: b
                    request:
                      path: /b
                    decoder:
                      <<: *json_data
                      records_path: items
                """);
        CliRun result = read(file, "{}");
        assertEquals(1, result.records("a").size(), result.stdout() + result.stderr());
        assertEquals(1, result.records("b").size(), result.stdout());
    }
}
