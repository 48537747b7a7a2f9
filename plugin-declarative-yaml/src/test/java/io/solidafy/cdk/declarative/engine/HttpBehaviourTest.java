package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After, connection resets, malformed pages, headers, bodies and error messages. */
class HttpBehaviourTest extends WireMockSupport {

    private Path simple() {
        return connector("""
                name: http
                base_url: BASE
                headers:
                  X-Team: "{{ config.team }}"
                http:
                  max_retries: 2
                  user_agent: test-agent/1
                streams:
                  - name: items
                    request:
                      path: /items
                      params:
                        since: "{{ config.since | default('') }}"
                        kind: [a, b]
                    pagination:
                      type: none
                """);
    }

    private void sequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        server.stubFor(get(urlPathEqualTo("/items")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("ok"));
        server.stubFor(get(urlPathEqualTo("/items")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(okJson("[{\"id\":1}]")));
    }

    @Test
    void retriesA429HonouringRetryAfterAndLogsAWarning() {
        sequence(aResponse().withStatus(429).withHeader("Retry-After", "1"));
        CliRun result = read(simple(), "{\"team\":\"core\"}");
        assertEquals(1, result.records("items").size(), result.stdout());
        assertTrue(result.logs("WARN").stream().anyMatch(m -> m.contains("HTTP 429") && m.contains("retrying in 1.0 s")), result.stdout());
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void retriesA503ThenSucceedsAndSendsHeadersParamsAndUserAgent() {
        sequence(aResponse().withStatus(503));
        CliRun result = read(simple(), "{\"team\":\"core\"}");
        assertEquals("SUCCEEDED", result.summary().path("status").asText(), result.stdout());
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")).withHeader("X-Team", equalTo("core"))
                .withHeader("User-Agent", equalTo("test-agent/1")));
        // an empty optional filter is omitted, a list repeats the key
        server.verify(2, getRequestedFor(urlEqualTo("/items?kind=a&kind=b")));
    }

    @Test
    void retriesAConnectionReset() {
        sequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        CliRun result = read(simple(), "{\"team\":\"core\"}");
        assertEquals(1, result.records("items").size(), result.stdout());
        assertTrue(result.logs("WARN").stream().anyMatch(m -> m.contains("failed (") && m.contains("retrying")), result.stdout());
    }

    @Test
    void givesUpAfterMaxRetriesNamingMethodUrlStatusAndMaskedBody() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(aResponse().withStatus(500).withBody("boom for team-secret-xyz")));
        Path file = connector("""
                name: http
                base_url: BASE
                http:
                  max_retries: 1
                spec:
                  - name: token
                    secret: true
                streams:
                  - name: items
                    request:
                      path: /items
                      params:
                        token: "{{ config.token }}"
                """);
        CliRun result = read(file, "{\"token\":\"team-secret-xyz\"}");
        String error = result.summary().path("streams").get(0).path("error").asText();
        assertTrue(error.startsWith("GET " + base() + "/items?token=***") && error.contains("HTTP 500") && error.contains("boom for"), error);
        assertFalse(result.stdout().contains("team-secret-xyz"), result.stdout());
        server.verify(2, getRequestedFor(urlPathEqualTo("/items")));
    }

    @Test
    void malformedPageFailsOnlyItsStream() {
        server.stubFor(get("/bad").willReturn(okJson("{\"data\":[{\"id\":1},{\"id\":")));
        server.stubFor(get("/good").willReturn(okJson("{\"data\":[{\"id\":1},{\"id\":2}]}")));
        Path file = connector("""
                name: mixed
                base_url: BASE
                streams:
                  - name: bad
                    request:
                      path: /bad
                    decoder:
                      records_path: data
                  - name: good
                    request:
                      path: /good
                    decoder:
                      records_path: data
                """);
        CliRun result = read(file, "{}");
        assertEquals(0, result.exitCode());
        JsonNode summary = result.summary();
        assertEquals("PARTIAL", summary.path("status").asText(), result.stdout());
        assertEquals(2, result.records("good").size());
        JsonNode bad = summary.path("streams").get(0);
        assertEquals("FAILED", bad.path("status").asText());
        assertTrue(bad.path("error").asText().contains("is not valid JSON"), bad.toString());
    }

    @Test
    void undefinedVariableFailsTheStreamNamingIt() {
        server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("[]")));
        Path file = connector("""
                name: strict
                base_url: BASE
                streams:
                  - name: items
                    request:
                      path: "/items/{{ vars.nothing }}"
                """);
        CliRun result = read(file, "{}");
        assertTrue(result.summary().path("streams").get(0).path("error").asText().contains("Undefined variable in template: vars.nothing"),
                result.stdout());
    }

    @Test
    void postsFormAndTextBodies() {
        server.stubFor(post("/form").withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("q=a+b&n=2")).willReturn(okJson("[{\"id\":1}]")));
        server.stubFor(put("/text").withRequestBody(equalTo("hello core")).willReturn(okJson("[{\"id\":2}]")));
        Path file = connector("""
                name: bodies
                base_url: BASE
                streams:
                  - name: form
                    request:
                      method: POST
                      path: /form
                      content_type: application/x-www-form-urlencoded
                      body:
                        q: a b
                        n: 2
                  - name: text
                    request:
                      method: PUT
                      path: /text
                      body: "hello {{ config.team }}"
                """);
        CliRun result = read(file, "{\"team\":\"core\"}");
        assertEquals(1, result.records("form").size(), result.stdout());
        assertEquals(1, result.records("text").size(), result.stdout());
    }

    @Test
    void retriesATimeoutAndHonoursARateLimit() {
        sequence(aResponse().withFixedDelay(1500).withBody("[]"));
        Path file = connector("""
                name: slow
                base_url: BASE
                http:
                  timeout_secs: 0.3
                  rate_limit_rps: 20
                streams:
                  - name: items
                    request:
                      path: /items
                """);
        CliRun result = read(file, "{}");
        assertEquals(1, result.records("items").size(), result.stdout());
        assertTrue(result.logs("WARN").stream().anyMatch(m -> m.contains("Timeout")), result.stdout());
    }

    @Test
    void streamsReadConcurrentlyShareOneConnector() {
        for (String name : List.of("a", "b", "c")) {
            server.stubFor(get(urlPathEqualTo("/" + name)).willReturn(okJson("[{\"id\":1},{\"id\":2}]")));
        }
        Path file = connector("""
                name: many
                base_url: BASE
                auth:
                  type: bearer
                  token: "{{ config.token }}"
                streams:
                  - name: a
                    request:
                      path: /a
                  - name: b
                    request:
                      path: /b
                  - name: c
                    request:
                      path: /c
                """);
        CliRun result = read(file, "{\"token\":\"t\"}", "--concurrency", "3");
        assertEquals("SUCCEEDED", result.summary().path("status").asText(), result.stdout());
        assertEquals(6, result.summary().path("total_records").asInt());
    }
}
