package io.solidafy.cdk.declarative.interrupt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import io.solidafy.cdk.runtime.testing.ChildCli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signals to a real sync process whose source is waiting on a slow API: the first SIGTERM takes
 * effect at the next record (when the page arrives), a second one ends the process at once.
 */
class InterruptedHttpSyncTest extends WireMockSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChildCli start(int slowPageDelayMillis) throws Exception {
        server.stubFor(get(urlPathEqualTo("/fast")).willReturn(okJson("[{\"id\":1},{\"id\":2},{\"id\":3}]")));
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[{\"id\":10},{\"id\":11}]").withFixedDelay(slowPageDelayMillis)));
        Path connector = connector("""
                name: slowpoke
                base_url: BASE
                streams:
                  - name: fast
                    request:
                      path: /fast
                    pagination:
                      type: none
                  - name: slow
                    request:
                      path: /slow
                    pagination:
                      type: none
                """);
        ChildCli run = ChildCli.start(dir, "sync", List.of("read", "--connector", connector.toString(), "--config-json", "{}",
                "--streams", "fast,slow", "--plugins-dir", dir.resolve("plugins").toString()));
        assertTrue(run.awaitOutput("Completed sync for fast", 30_000), run.err());
        Thread.sleep(300); // the slow request is under way
        return run;
    }

    @Test
    void theFirstSignalTakesEffectWhenTheWaitingPageArrives() throws Exception {
        ChildCli run = start(2500);
        run.terminate();
        assertEquals(143, run.waitFor(30), run.err());
        List<JsonNode> messages = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            messages.add(MAPPER.readTree(line));
        }
        JsonNode summary = messages.get(messages.size() - 1).get("summary");
        assertEquals("CANCELLED", summary.get("status").asText(), summary.toString());
        assertEquals("SUCCESS", summary.at("/streams/0/status").asText(), summary.toString());
        assertEquals(3, summary.at("/streams/0/records_synced").asInt());
        assertEquals("CANCELLED", summary.at("/streams/1/status").asText(), summary.toString());
        assertEquals(0, summary.at("/streams/1/records_synced").asInt(), "no record of the slow page was taken after the signal");
        assertFalse(run.out().contains("\"id\":10"), run.out());
    }

    @Test
    void aSecondSignalExitsAtOnce() throws Exception {
        ChildCli run = start(10_000);
        run.terminate();
        Thread.sleep(300);
        assertTrue(run.alive(), "the first signal waits for the next record");
        long sent = System.nanoTime();
        run.terminate();
        assertEquals(143, run.waitFor(30), run.err());
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(millis < 5_000, "exited " + millis + " ms after the second signal");
        assertTrue(run.err().contains("SIGTERM received: the sync stops at the next record"), run.err());
        assertFalse(run.out().contains("SYNC_SUMMARY"), "a second signal ends without a summary, as documented");
    }
}
