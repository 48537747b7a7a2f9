package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** list, parent, date_range and async_job partitions, and partition progress in the state. */
class PartitionTest extends WireMockSupport {

    @Test
    void listPartitionsWithProgressAndResume() {
        server.stubFor(get("/repos/a/runs").willReturn(okJson("[{\"id\":1}]")));
        server.stubFor(get("/repos/b/runs").willReturn(aResponse().withStatus(404)));
        server.stubFor(get("/repos/c/runs").willReturn(okJson("[{\"id\":3}]")));
        Path file = connector("""
                name: lists
                base_url: BASE
                streams:
                  - name: runs
                    request:
                      path: "/repos/{{ partition.repo }}/runs"
                    partition:
                      type: list
                      field: repo
                      values: [a, b, c]
                    transform:
                      add_fields:
                        repo: "{{ partition.repo }}"
                """);
        CliRun first = read(file, "{}");
        assertEquals("FAILED", first.summary().path("streams").get(0).path("status").asText(), first.stdout());
        JsonNode state = first.state().path("streams").path("runs");
        assertTrue(state.path("partitions").path("repo=a").path("completed").asBoolean(), first.stdout());
        assertFalse(state.path("partitions").has("repo=b"));
        assertEquals("a", first.records("runs").get(0).path("repo").asText());

        server.stubFor(get("/repos/b/runs").willReturn(okJson("[{\"id\":2}]")));
        CliRun second = read(file, "{}", "--state-json", first.state().toString());
        assertEquals(List.of(2, 3), second.records("runs").stream().map(r -> r.path("id").asInt()).toList(), second.stdout());
        server.verify(1, getRequestedFor(urlEqualTo("/repos/a/runs"))); // completed partition skipped on resume
        assertFalse(second.state().path("streams").path("runs").has("partitions"), second.state().toString());
    }

    @Test
    void parentPartitionsReadTheParentStream() {
        server.stubFor(get(urlPathEqualTo("/orgs")).withQueryParam("page", equalTo("1")).willReturn(okJson("[{\"login\":\"x\"},{\"login\":\"y\"}]")));
        server.stubFor(get(urlPathEqualTo("/orgs")).withQueryParam("page", equalTo("2")).willReturn(okJson("[{\"login\":\"x\"}]")));
        server.stubFor(get(urlPathEqualTo("/orgs")).withQueryParam("page", equalTo("3")).willReturn(okJson("[]")));
        server.stubFor(get("/orgs/x/members").willReturn(okJson("[{\"m\":1}]")));
        server.stubFor(get("/orgs/y/members").willReturn(okJson("[{\"m\":2},{\"m\":3}]")));
        Path file = connector("""
                name: parents
                base_url: BASE
                streams:
                  - name: orgs
                    request:
                      path: /orgs
                    pagination:
                      type: page_number
                  - name: members
                    request:
                      path: "/orgs/{{ partition.org }}/members"
                    partition:
                      type: parent
                      stream: orgs
                      parent_field: login
                      partition_field: org
                """);
        CliRun result = read(file, "{}", "--streams", "members");
        assertEquals(3, result.records("members").size(), result.stdout());
        server.verify(1, getRequestedFor(urlEqualTo("/orgs/x/members"))); // distinct parent values
    }

    @Test
    void dateRangeHalfOpenWindows() {
        server.stubFor(get(urlPathEqualTo("/usage")).willReturn(okJson("[{\"n\":1}]")));
        Path file = connector("""
                name: dates
                base_url: BASE
                streams:
                  - name: usage
                    request:
                      path: /usage
                      params:
                        from: "{{ partition.from }}"
                        to: "{{ partition.to }}"
                    partition:
                      type: date_range
                      start: "{{ config.start }}"
                      end: "2024-01-03T12:00:00Z"
                      step: 1d
                      start_field: from
                      end_field: to
                      format: "%Y-%m-%dT%H:%M:%SZ"
                """);
        CliRun result = read(file, "{\"start\":\"2024-01-01\"}");
        assertEquals(3, result.records("usage").size(), result.stdout());
        server.verify(getRequestedFor(urlEqualTo("/usage?from=2024-01-01T00%3A00%3A00Z&to=2024-01-02T00%3A00%3A00Z")));
        server.verify(getRequestedFor(urlEqualTo("/usage?from=2024-01-02T00%3A00%3A00Z&to=2024-01-03T00%3A00%3A00Z")));
        server.verify(getRequestedFor(urlEqualTo("/usage?from=2024-01-03T00%3A00%3A00Z&to=2024-01-03T12%3A00%3A00Z")));
        server.verify(3, getRequestedFor(urlPathEqualTo("/usage")));
    }

    @Test
    void asyncJobCreatesPollsAndDownloadsCsvResultsWithLocatorPaging() {
        server.stubFor(post("/jobs").withRequestBody(equalToJson("{\"query\":\"SELECT Id FROM Account\"}"))
                .willReturn(okJson("{\"id\":\"750x\",\"state\":\"UploadComplete\"}")));
        server.stubFor(get("/jobs/750x").inScenario("job").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"state\":\"InProgress\"}")).willSetStateTo("done"));
        server.stubFor(get("/jobs/750x").inScenario("job").whenScenarioStateIs("done").willReturn(okJson("{\"state\":\"JobComplete\"}")));
        server.stubFor(get("/jobs/750x/results").willReturn(aResponse().withHeader("Content-Type", "text/csv")
                .withHeader("Sforce-Locator", "L2").withBody("Id,Name\n001,\"Acme, Inc\"\n002,Beta\n")));
        server.stubFor(get("/jobs/750x/results?locator=L2").willReturn(aResponse().withHeader("Content-Type", "text/csv")
                .withHeader("Sforce-Locator", "null").withBody("Id,Name\n003,Gamma\n")));
        Path file = connector("""
                name: bulk
                base_url: BASE
                streams:
                  - name: accounts
                    decoder:
                      type: csv
                    pagination:
                      type: cursor
                      cursor_param: locator
                      cursor_header: Sforce-Locator
                    partition:
                      type: async_job
                      create:
                        path: /jobs
                        body:
                          query: SELECT Id FROM Account
                        job_id_path: id
                      poll:
                        path: "/jobs/{{ job_id }}"
                        interval_secs: 0.05
                        max_attempts: 5
                        status_path: state
                        completed_value: JobComplete
                        failed_values: [Failed, Aborted]
                      download:
                        path: "/jobs/{{ vars.job_id }}/results"
                """);
        CliRun result = read(file, "{}");
        assertEquals(List.of("Acme, Inc", "Beta", "Gamma"), result.records("accounts").stream().map(r -> r.path("Name").asText()).toList(),
                result.stdout());
        server.verify(2, getRequestedFor(urlEqualTo("/jobs/750x")));
        server.verify(1, getRequestedFor(urlEqualTo("/jobs/750x/results?locator=L2")));
    }

    @Test
    void asyncJobFailureFailsTheStream() {
        server.stubFor(post("/jobs").willReturn(okJson("{\"id\":\"j1\"}")));
        server.stubFor(get("/jobs/j1").willReturn(okJson("{\"state\":\"Failed\"}")));
        Path file = connector("""
                name: bulk
                base_url: BASE
                streams:
                  - name: accounts
                    partition:
                      type: async_job
                      create:
                        path: /jobs
                        job_id_path: id
                      poll:
                        path: "/jobs/{{ job_id }}"
                        status_path: state
                        completed_value: JobComplete
                        failed_values: [Failed]
                      download:
                        path: "/jobs/{{ job_id }}/results"
                """);
        CliRun result = read(file, "{}");
        assertTrue(result.summary().path("streams").get(0).path("error").asText().contains("job j1 ended with status Failed"), result.stdout());
    }
}
