package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** state.cursor in templates, incremental.start, lookback, client_side_filter and transforms. */
class IncrementalTest extends WireMockSupport {

    @Test
    void secondRunSendsTheSavedCursor() {
        Path file = connector("""
                name: inc
                base_url: BASE
                streams:
                  - name: charges
                    request:
                      path: /charges
                      params:
                        created[gte]: "{{ state.cursor | default(config.start_date_ts) }}"
                    decoder:
                      records_path: data
                    primary_key: [id]
                    cursor_field: created
                """);
        server.stubFor(get(urlPathEqualTo("/charges")).withQueryParam("created[gte]", absent())
                .willReturn(okJson("{\"data\":[{\"id\":\"a\",\"created\":100},{\"id\":\"b\",\"created\":250}]}")));
        CliRun first = read(file, "{}");
        assertEquals(250, first.state().path("streams").path("charges").path("cursor").asInt(), first.stdout());

        server.stubFor(get(urlPathEqualTo("/charges")).withQueryParam("created[gte]", equalTo("250"))
                .willReturn(okJson("{\"data\":[{\"id\":\"b\",\"created\":250},{\"id\":\"c\",\"created\":300}]}")));
        CliRun second = read(file, "{}", "--state-json", first.state().toString());
        assertEquals(2, second.records("charges").size(), second.stdout());
        assertEquals(300, second.state().path("streams").path("charges").path("cursor").asInt());
        server.verify(1, getRequestedFor(urlPathEqualTo("/charges")).withQueryParam("created[gte]", equalTo("250")));
    }

    @Test
    void startLookbackAndClientSideFilter() {
        Path file = connector("""
                name: inc
                base_url: BASE
                streams:
                  - name: events
                    request:
                      path: /events
                      params:
                        since: "{{ state.cursor }}"
                    cursor_field: updated_at
                    incremental:
                      start: "{{ config.start_date }}"
                      lookback: 1d
                      client_side_filter: true
                    transform:
                      add_fields:
                        source: "{{ config.tenant }}"
                      remove_fields: [secret, nested.drop]
                """);
        server.stubFor(get(urlEqualTo("/events?since=2024-01-01")).willReturn(okJson(
                "[{\"id\":1,\"updated_at\":\"2024-01-05T00:00:00Z\",\"secret\":\"x\",\"nested\":{\"drop\":1,\"keep\":2}}]")));
        CliRun first = read(file, "{\"start_date\":\"2024-01-01\",\"tenant\":\"t1\"}");
        assertEquals("t1", first.records("events").get(0).path("source").asText(), first.stdout());
        assertEquals("{\"keep\":2}", first.records("events").get(0).path("nested").toString());
        assertEquals(false, first.records("events").get(0).has("secret"));

        server.stubFor(get(urlEqualTo("/events?since=2024-01-04T00%3A00%3A00Z")).willReturn(okJson(
                "[{\"id\":1,\"updated_at\":\"2024-01-04T12:00:00Z\"},{\"id\":2,\"updated_at\":\"2024-01-06T00:00:00Z\"}]")));
        CliRun second = read(file, "{\"start_date\":\"2024-01-01\",\"tenant\":\"t1\"}", "--state-json", first.state().toString());
        // the lookback re-reads a day; the client-side filter drops what is older than the saved cursor
        assertEquals(List.of(2), second.records("events").stream().map(r -> r.path("id").asInt()).toList(), second.stdout());
    }
}
