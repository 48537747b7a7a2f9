package io.solidafy.cdk.parquet.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.runtime.testing.CliRun;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output is checked before the source is read: a directory that cannot be written fails the
 * run with one sentence and reads nothing; a missing one is created; staging files of killed runs
 * are removed, those of live runs never.
 */
class OutputPreflightTest {

    @TempDir
    Path tmp;

    private CliRun read(Path out) throws IOException {
        return CliRun.withPlugins(tmp.resolve("plugins"), "read", "-c", "fixture", "--config-json", "{\"count\":3}",
                "-f", "parquet", "-o", out.toString());
    }

    @Test
    void aReadOnlyOutputFailsBeforeTheSourceIsRead() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        try (ReadOnly ignored = ReadOnly.make(out)) {
            CliRun run = read(out);
            assertEquals(1, run.exitCode(), run.toString());
            assertEquals("Output directory " + out + " cannot be written (" + ignored.reason
                    + "); make it writable or choose another --output.", run.stderr().strip());
            assertEquals("FAILED", run.summary().get("status").asText());
            assertEquals(0, run.summary().get("total_records").asInt());
            assertTrue(run.ofType("RECORD").isEmpty());
            assertFalse(run.stdout().contains("Starting sync"), "the source was not read: " + run.stdout());
        }
    }

    @Test
    void anOutputBelowARegularFileIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        CliRun run = read(file.resolve("out"));
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("Output directory " + file.resolve("out") + " cannot be written (Not a directory); make it writable or choose"
                + " another --output.", run.stderr().strip());
        assertEquals("FAILED", run.summary().get("status").asText());
    }

    @Test
    void aStreamDirectoryThatCannotBeWrittenFailsTheStreamWithASentence() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path streamDir = Files.createDirectories(out.resolve("shop_items"));
        try (ReadOnly readOnly = ReadOnly.make(streamDir)) {
            CliRun run = read(out);
            String error = run.summaryStream("shop.items").get("error").asText();
            assertEquals("FAILED", run.summaryStream("shop.items").get("status").asText());
            assertTrue(error.startsWith("Output directory " + streamDir.resolve("dt=")) && error.endsWith(" cannot be written ("
                    + readOnly.reason + ")"), error);
            assertTrue(run.ofType("STATE").stream().noneMatch(s -> s.has("state") && s.get("state").has("stream")),
                    "no stream state for data that was not written");
        }
    }

    @Test
    void aMissingOutputDirectoryIsCreated() throws Exception {
        Path out = tmp.resolve("a/b/out");
        CliRun run = read(out);
        assertEquals("SUCCEEDED", run.summary().get("status").asText(), run.toString());
        assertEquals(1, ParquetFiles.parts(out).size());
        assertEquals(List.of(), ParquetFiles.hiddenFiles(out), "the run's marker is gone with the run");
    }

    @Test
    void stagingFilesOfDeadRunsAreRemovedAndThoseOfLiveRunsKept() throws Exception {
        Path out = tmp.resolve("out");
        // the partition this run writes into, and an older one only a dead run's marker points to
        Path today = Files.createDirectories(out.resolve("shop_items/dt=" + LocalDate.now(ZoneOffset.UTC)));
        Path older = Files.createDirectories(out.resolve("shop_items/dt=2020-01-01"));
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            String deadRun = finishedProcessPid() + "-0a1b2c3d";
            String liveRun = sleeper.pid() + "-4e5f6a7b";
            Path deadMarker = Files.writeString(out.resolve(".solidafy-run-" + deadRun + ".lock"),
                    "shop_items/dt=2020-01-01\nshop_items/dt=" + LocalDate.now(ZoneOffset.UTC) + "\n../../escape\n");
            Path liveMarker = Files.writeString(out.resolve(".solidafy-run-" + liveRun + ".lock"), out.relativize(today) + "\n");
            Path deadOld = staged(older, "part-a", deadRun);
            Path deadToday = staged(today, "part-b", deadRun);
            Path live = staged(today, "part-c", liveRun);
            Path oldUnmarked = Files.createFile(today.resolve(".part-d.parquet.inprogress-" + UUID.randomUUID()));
            Files.setLastModifiedTime(oldUnmarked, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
            Path recentUnmarked = Files.createFile(today.resolve(".part-e.parquet.inprogress-" + UUID.randomUUID()));
            Path published = Files.writeString(older.resolve("part-f.parquet"), "not touched");

            CliRun run = read(out);
            assertEquals("SUCCEEDED", run.summary().get("status").asText(), run.toString());

            assertFalse(Files.exists(deadOld), "a dead run's staging file goes, wherever its marker says it staged");
            assertFalse(Files.exists(deadToday));
            assertFalse(Files.exists(deadMarker), "and so does its marker");
            assertFalse(Files.exists(oldUnmarked), "an unmarked staging file goes after 24 hours");
            assertTrue(Files.exists(live), "a live run's staging file stays");
            assertTrue(Files.exists(liveMarker));
            assertTrue(Files.exists(recentUnmarked), "a recent unmarked staging file stays");
            assertTrue(Files.exists(published));
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private static Path staged(Path dir, String name, String runId) throws IOException {
        Path file = dir.resolve("." + name + ".parquet.inprogress-" + runId + "-" + UUID.randomUUID());
        return Files.write(file, new byte[4096]);
    }

    private static long finishedProcessPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    /**
     * Makes a directory unwritable: by permissions, or with {@code chattr +i} where permissions do not
     * stop the user (root).
     */
    private record ReadOnly(Path dir, boolean immutable, String reason) implements AutoCloseable {

        static ReadOnly make(Path dir) throws Exception {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            String reason = probe(dir);
            if (reason != null) {
                return new ReadOnly(dir, false, reason);
            }
            Process chattr = new ProcessBuilder("chattr", "+i", dir.toString()).inheritIO().start();
            assertEquals(0, chattr.waitFor(), "chattr +i " + dir);
            reason = probe(dir);
            assertTrue(reason != null, "the directory could not be made read-only");
            return new ReadOnly(dir, true, reason);
        }

        /** Why a file cannot be created in {@code dir}, in the storage's words; null if it can. */
        private static String probe(Path dir) throws IOException {
            Path probe = dir.resolve("probe");
            try {
                Files.createFile(probe);
                Files.delete(probe);
                return null;
            } catch (AccessDeniedException e) {
                return "permission denied";
            } catch (FileSystemException e) {
                return e.getReason();
            }
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                new ProcessBuilder("chattr", "-i", dir.toString()).inheritIO().start().waitFor();
            }
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
