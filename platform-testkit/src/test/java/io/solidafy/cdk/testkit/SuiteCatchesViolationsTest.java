package io.solidafy.cdk.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The suite fails a connector that breaks its promises: it is not a suite that always passes. */
class SuiteCatchesViolationsTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.empty();

    @TempDir
    Path dir;

    private Path connector;

    @BeforeEach
    void connector() throws IOException {
        API.server().resetMappings();
        // an API that ignores the since filter, read by a stream that does not filter either
        connector = Files.writeString(dir.resolve("careless.yaml"), """
                name: careless
                base_url: "{{ config.base_url }}"
                streams:
                  - name: events
                    request:
                      path: /events
                      params:
                        since: "{{ state.cursor }}"
                    decoder:
                      type: json
                      records_path: events
                    cursor_field: at
                """);
    }

    private ConnectorAcceptanceTest suite() {
        AcceptanceTarget target = AcceptanceTarget.of(connector.toString(), JsonNodeFactory.instance.objectNode().put("base_url", API.baseUrl()));
        return new ConnectorAcceptanceTest() {
            @Override
            protected AcceptanceTarget target() {
                return target;
            }
        };
    }

    @Test
    void aSecondRunThatReEmitsOlderRecordsFails() {
        API.server().stubFor(get(urlPathEqualTo("/events"))
                .willReturn(okJson("{\"events\":[{\"id\":1,\"at\":\"2026-11-01T00:00:00Z\"},{\"id\":2,\"at\":\"2026-11-02T00:00:00Z\"}]}")));

        AssertionError failure = assertThrows(AssertionError.class, () -> suite().incrementalSecondRunDoesNotReEmit());

        assertTrue(failure.getMessage().contains("older than the saved cursor"), failure.getMessage());
    }

    @Test
    void aFailingReadFailsTheSummaryTest() {
        API.server().stubFor(get(urlPathEqualTo("/events")).willReturn(notFound()));

        AssertionError failure = assertThrows(AssertionError.class, () -> suite().syncSummaryComesLast());

        assertTrue(failure.getMessage().contains("did not succeed"), failure.getMessage());
    }
}
