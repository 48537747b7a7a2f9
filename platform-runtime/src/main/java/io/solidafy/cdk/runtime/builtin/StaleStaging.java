package io.solidafy.cdk.runtime.builtin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the staging files that killed runs left in an output directory, without walking the
 * whole output (a year of partitions is tens of thousands of files). A staging file is {@code
 * .<name>.inprogress-<run id>-<uuid>}:
 * <ul>
 *   <li>at the start of a run, every dead run's {@link RunMarker} names the folders where that run
 *       staged: its staging files there are deleted, then the marker;</li>
 *   <li>when a run first stages into a folder, it also deletes the staging files there whose run is
 *       dead, and those without a run id (older versions) once unmodified for {@link #UNMARKED_AGE}.</li>
 * </ul>
 * A live run's files are never touched. Best effort: what cannot be listed or deleted stays for a
 * later run.
 */
final class StaleStaging {

    static final Duration UNMARKED_AGE = Duration.ofHours(24);
    private static final Pattern STAGED = Pattern.compile("\\..+\\.inprogress-(?:(\\d+-[0-9a-f]{8})-)?[0-9a-f-]{36}");

    private StaleStaging() {}

    /** The staging name for {@code target} in the run {@code runId}. */
    static Path stagingPath(Path target, String runId, String unique) {
        return target.resolveSibling("." + target.getFileName() + ".inprogress-" + runId + "-" + unique);
    }

    /** Deletes what dead runs staged under {@code root}, found through their markers, and the markers. */
    static void sweepDeadRuns(Path root) {
        for (Path marker : hidden(root)) {
            Optional<String> runId = RunMarker.runIdOf(marker);
            if (runId.isPresent() && RunMarker.isDead(marker)) {
                for (Path dir : RunMarker.stagingDirectories(root, marker)) {
                    for (Path file : hidden(dir)) {
                        Matcher staged = STAGED.matcher(file.getFileName().toString());
                        if (staged.matches() && runId.get().equals(staged.group(1))) {
                            deleteQuietly(file);
                        }
                    }
                }
                deleteQuietly(marker);
            }
        }
    }

    /** Deletes the stale staging files of one folder (see the class comment). */
    static void sweepDirectory(Path root, Path dir) {
        Instant oldEnough = Instant.now().minus(UNMARKED_AGE);
        for (Path file : hidden(dir)) {
            Matcher staged = STAGED.matcher(file.getFileName().toString());
            if (!staged.matches()) {
                continue;
            }
            Optional<Path> marker = Optional.ofNullable(staged.group(1)).map(id -> RunMarker.pathFor(root, id)).filter(Files::exists);
            if (marker.isPresent() ? RunMarker.isDead(marker.get()) : modifiedBefore(file, oldEnough)) {
                deleteQuietly(file);
            }
        }
    }

    /** The hidden entries of one folder, read without a file status call per entry. */
    private static List<Path> hidden(Path dir) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".*")) {
            entries.forEach(found::add);
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed is swept by a later run
        }
        return found;
    }

    private static boolean modifiedBefore(Path file, Instant limit) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(limit);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for a later run
        }
    }
}
