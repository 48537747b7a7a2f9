package io.solidafy.cdk.runtime.builtin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the staging files that killed runs left in an output directory. A staging file is
 * {@code .<name>.inprogress-<run id>-<uuid>}; it is deleted when its run's {@link RunMarker} shows
 * the run is gone. Staging files without a run id (written by older versions) or whose marker is
 * missing are deleted only once unmodified for {@link #UNMARKED_AGE}, so a live run is never touched.
 */
final class StaleStaging {

    static final Duration UNMARKED_AGE = Duration.ofHours(24);
    /** Object keys are {@code <stream>/dt=<date>/<file>}: a little deeper covers other layouts. */
    private static final int DEPTH = 4;
    private static final Pattern STAGED = Pattern.compile("\\..+\\.inprogress-(?:(\\d+-[0-9a-f]{8})-)?[0-9a-f-]{36}");

    private StaleStaging() {}

    /** The staging name for {@code target} in the run {@code runId}. */
    static Path stagingPath(Path target, String runId, String unique) {
        return target.resolveSibling("." + target.getFileName() + ".inprogress-" + runId + "-" + unique);
    }

    /**
     * Deletes stale staging files and dead markers under {@code root}. Best effort: what cannot be
     * listed or deleted (a concurrent run's cleanup, an unreadable folder) stays for a later run.
     */
    static void sweep(Path root) {
        Instant oldEnough = Instant.now().minus(UNMARKED_AGE);
        for (Path file : hiddenFiles(root, DEPTH)) {
            Matcher staged = STAGED.matcher(file.getFileName().toString());
            if (!staged.matches()) {
                continue;
            }
            Optional<Path> marker = Optional.ofNullable(staged.group(1)).map(id -> RunMarker.pathFor(root, id)).filter(Files::exists);
            if (marker.isPresent() ? RunMarker.isDead(marker.get()) : modifiedBefore(file, oldEnough)) {
                deleteQuietly(file);
            }
        }
        for (Path marker : hiddenFiles(root, 1)) {
            if (RunMarker.runIdOf(marker).isPresent() && RunMarker.isDead(marker)) {
                deleteQuietly(marker);
            }
        }
    }

    private static List<Path> hiddenFiles(Path root, int depth) {
        try (Stream<Path> walk = Files.walk(root, depth)) {
            return walk.filter(p -> p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for a later run
        }
    }

    private static boolean modifiedBefore(Path file, Instant limit) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toInstant().isBefore(limit);
        } catch (IOException e) {
            return false;
        }
    }
}
