package io.solidafy.cdk.runtime.builtin;

import java.io.IOException;
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

    /** Deletes stale staging files and dead markers under {@code root}. */
    static void sweep(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        Instant oldEnough = Instant.now().minus(UNMARKED_AGE);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root, DEPTH)) {
            files = walk.filter(p -> p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Matcher staged = STAGED.matcher(file.getFileName().toString());
            if (!staged.matches()) {
                continue;
            }
            Optional<String> runId = Optional.ofNullable(staged.group(1));
            Path marker = runId.map(id -> RunMarker.pathFor(root, id)).orElse(null);
            boolean stale = marker != null && Files.exists(marker)
                    ? RunMarker.isDead(marker)
                    : modifiedBefore(file, oldEnough);
            if (stale) {
                Files.deleteIfExists(file);
            }
        }
        try (Stream<Path> markers = Files.list(root)) {
            for (Path marker : markers.filter(p -> RunMarker.runIdOf(p).isPresent()).toList()) {
                if (RunMarker.isDead(marker)) {
                    Files.deleteIfExists(marker);
                }
            }
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
