package io.solidafy.cdk.runtime.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --progress}: on stderr or as LOG messages, never among stdout's protocol messages, a few updates per second at most. */
class ProgressTest {

    private static final String CONFIG = "{\"api_key\":\"good-key\",\"records\":5000}";

    @Test
    void progressGoesToStderrAndNeverToStdout() {
        CliRun plain = CliRun.classPathOnly("read", "-c", "fixture", "--config-json", CONFIG, "-s", "ascending");
        CliRun run = CliRun.classPathOnly("read", "-c", "fixture", "--config-json", CONFIG, "-s", "ascending", "--progress");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("ascending: 5,000 records, "), run.stderr());
        assertTrue(run.stderr().contains(" records/s, 0 batches, "), run.stderr());
        assertFalse(run.stdout().contains("records/s"), "no progress on stdout");
        run.messages(); // every stdout line is a protocol message
        assertEquals(plain.records("ascending"), run.records("ascending"));
        assertEquals(plain.ofType("LOG").size(), run.ofType("LOG").size(), "--progress adds no LOG message");
    }

    @Test
    void progressAsLogMessages() {
        CliRun run = CliRun.classPathOnly("read", "-c", "fixture", "--config-json", CONFIG, "-s", "ascending", "--progress=log");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.logs("INFO").stream().anyMatch(m -> m.startsWith("Progress (done) ascending: 5,000 records, ")), run.stdout());
        assertFalse(run.stderr().contains("records/s"), run.stderr());
    }

    @Test
    void withoutAnOptionProgressShowsOnlyWhenStderrIsATerminal() {
        CliRun run = CliRun.classPathOnly("read", "-c", "fixture", "--config-json", CONFIG, "-s", "ascending");
        assertFalse(run.all().contains("records/s"), "off when stderr is not a terminal");
        assertEquals(ProgressMode.OFF, ProgressOptions.mode(List.of(), Map.of()));
        assertEquals(ProgressMode.STDERR, ProgressOptions.mode(List.of(), Map.of("SOLIDAFY_STDERR_TTY", "1")));
        assertEquals(ProgressMode.OFF, ProgressOptions.mode(List.of("off"), Map.of("SOLIDAFY_STDERR_TTY", "1")));
        assertEquals(ProgressMode.LOG, ProgressOptions.mode(List.of("log"), Map.of("SOLIDAFY_STDERR_TTY", "1")));
        assertEquals(ProgressMode.STDERR, ProgressOptions.mode(List.of("log", ""), Map.of()), "the last option wins");
    }

    @Test
    void atMostTwoUpdatesPerSecondOnStderrAndOneEveryTenSecondsAsLog() throws Exception {
        // a clock that advances 100 ms per reading: 100,000 records take about 20 (simulated) seconds
        long[] now = {0};
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> logs = new ArrayList<>();
        for (ProgressMode mode : List.of(ProgressMode.STDERR, ProgressMode.LOG)) {
            Sink sink = new ProgressSink(stream -> new Discard(), mode, new PrintStream(err, true, StandardCharsets.UTF_8),
                    (LogLevel level, String message) -> logs.add(message), () -> now[0] += 100_000_000);
            StreamWriter writer = sink.openStream(StreamDescriptor.named("s"));
            ObjectNode record = JsonNodeFactory.instance.objectNode().put("x", 1);
            long start = now[0];
            for (int i = 0; i < 100_000; i++) {
                writer.write(record, 0);
                if (i % 1000 == 0) {
                    writer.checkpoint();
                }
            }
            writer.commit();
            double seconds = (now[0] - start) / 1e9;
            long updates = mode == ProgressMode.STDERR ? err.toString(StandardCharsets.UTF_8).chars().filter(c -> c == '\r').count() : logs.size();
            double perSecond = mode == ProgressMode.STDERR ? 2 : 0.1;
            assertTrue(updates >= 2, mode + ": " + updates);
            assertTrue(updates <= seconds * perSecond + 2, mode + ": " + updates + " updates in " + seconds + " s");
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("s: 100,000 records, "), err.toString(StandardCharsets.UTF_8));
        String last = logs.get(logs.size() - 1);
        assertTrue(last.startsWith("Progress (done) s: 100,000 records, ") && last.contains(", 100 batches, 20.0 s elapsed"), last);
    }

    private static final class Discard implements StreamWriter {
        @Override
        public void write(ObjectNode record, long emittedAt) {}

        @Override
        public List<String> commit() {
            return List.of();
        }

        @Override
        public void abort() {}
    }
}
