package io.solidafy.cdk.parquet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.testing.ChildCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real Parquet sync with {@code --state} at random moments, each time resumed from the
 * state file, then a last run to the end. DuckDB then finds every record, and duplicates only
 * within the documented at-least-once window: the records of parts published just before a kill
 * whose state was not saved yet (at most one checkpoint's worth per kill). No staging file or run
 * marker of the killed runs is left.
 */
class KillAndResumeTest {

    private static final int RECORDS = 600_000;
    private static final int CHECKPOINT = 10_000;
    private static final int KILLS = 3;

    @TempDir
    Path tmp;

    @Test
    void killedAtRandomMomentsAndResumedHoldsEveryRecord() throws Exception {
        long seed = Long.getLong("kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path out = tmp.resolve("out");
        Path state = tmp.resolve("state.json");
        List<String> args = List.of("read", "-c", "fixture", "--config-json",
                "{\"count\":" + RECORDS + ",\"checkpoint_every\":" + CHECKPOINT + ",\"resume\":true}",
                "-f", "parquet", "-o", out.toString(), "--state", state.toString(), "--sink-option", "checkpoint_part_size=0",
                "--plugins-dir", Files.createDirectories(tmp.resolve("plugins")).toString());
        List<String> moments = new ArrayList<>();
        int kills = 0;
        for (int round = 0; round < KILLS; round++) {
            long before = Files.exists(state) ? Files.getLastModifiedTime(state).toMillis() : 0;
            ChildCli run = ChildCli.start(tmp, "run" + round, args);
            // kill once the run is writing (its state advanced at least once), plus a random delay
            long deadline = System.currentTimeMillis() + 30_000;
            while (run.alive() && System.currentTimeMillis() < deadline
                    && (!Files.exists(state) || Files.getLastModifiedTime(state).toMillis() == before)) {
                Thread.sleep(5);
            }
            long delay = random.nextInt(400);
            Thread.sleep(delay);
            if (!run.alive()) {
                moments.add("run " + round + " finished before its kill");
                break;
            }
            run.kill();
            run.waitFor(30);
            kills++;
            moments.add("run " + round + " killed " + delay + " ms after a state save, cursor then "
                    + new ObjectMapper().readTree(state.toFile()).at("/streams/shop.items/cursor").asLong());
        }
        String context = "seed " + seed + ", " + moments;
        assertTrue(kills >= 1, "at least one run was killed mid-write: " + context);

        ChildCli last = ChildCli.start(tmp, "last", args);
        assertEquals(0, last.waitFor(120), last.err());
        List<String> lines = last.out().lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertEquals("SUCCEEDED", summary.at("/summary/status").asText(), context + "\n" + last.out());
        assertEquals(RECORDS, new ObjectMapper().readTree(state.toFile()).at("/streams/shop.items/cursor").asLong(), context);

        long[] ids = ParquetFiles.idStats(out); // rows, distinct ids, min, max
        assertEquals(RECORDS, ids[1], "every record present: " + context);
        assertEquals(1, ids[2], context);
        assertEquals(RECORDS, ids[3], context);
        long duplicates = ids[0] - ids[1];
        assertTrue(duplicates <= (long) kills * CHECKPOINT, duplicates + " duplicates exceed the at-least-once window: " + context);
        assertEquals(List.of(), ParquetFiles.hiddenFiles(out), "the killed runs' staging files and markers are gone: " + context);
        System.out.println("kill -9 test: " + kills + " kills survived, " + duplicates + " duplicates, 0 lost (" + context + ")"
                + (duplicates > 0 ? "; repeated in " + ParquetFiles.duplicateSources(out) : ""));
    }
}
