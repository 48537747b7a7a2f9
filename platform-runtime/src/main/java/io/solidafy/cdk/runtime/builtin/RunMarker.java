package io.solidafy.cdk.runtime.builtin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's liveness marker in an output directory: the hidden file {@code .solidafy-run-<run id>.lock},
 * locked by the writing process for as long as the run lives and deleted when it ends. The run id
 * starts with the process id. It lists, one per line, the folders (relative to the output) where
 * the run stages files, written before the first file is staged there. A killed process loses its
 * lock, so a later run can tell that the staging files of that run belong to nobody, and where
 * they are without walking the whole output.
 */
final class RunMarker implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("\\.solidafy-run-((\\d+)-[0-9a-f]{8})\\.lock");

    private final String runId;
    private final Path root;
    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final Set<Path> recorded = new HashSet<>();

    private RunMarker(String runId, Path root, Path path, FileChannel channel, FileLock lock) {
        this.runId = runId;
        this.root = root;
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates and locks a new marker in {@code root}; this proves the directory writable, too. */
    static RunMarker create(Path root) throws IOException {
        String runId = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path path = pathFor(root, runId);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.lock();
        } catch (IOException e) {
            lock = null; // no locks on this file system: probes fail as well, so the run never counts as dead
        }
        return new RunMarker(runId, root, path, channel, lock);
    }

    String runId() {
        return runId;
    }

    /**
     * Notes that this run stages files in {@code directory}; answers true the first time, when the
     * caller may also sweep that directory.
     */
    synchronized boolean record(Path directory) throws IOException {
        if (!recorded.add(directory)) {
            return false;
        }
        ByteBuffer line = ByteBuffer.wrap((root.relativize(directory) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        return true;
    }

    /** The run id of a marker file name, if it is one. */
    static Optional<String> runIdOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Path pathFor(Path root, String runId) {
        return root.resolve(".solidafy-run-" + runId + ".lock");
    }

    /** The folders a dead run's marker lists, resolved against {@code root} (never outside it). */
    static List<Path> stagingDirectories(Path root, Path marker) {
        try {
            return Files.readAllLines(marker, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .map(line -> root.resolve(line).normalize())
                    .filter(dir -> dir.startsWith(root))
                    .distinct()
                    .toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Whether the run of this marker is certainly gone: its process id is not alive on this host and
     * nobody holds the lock (a run on another host sharing the directory still holds it). A marker
     * of this very process always counts as alive: probing it would release our own lock.
     */
    static boolean isDead(Path marker) {
        Matcher matcher = NAME.matcher(marker.getFileName().toString());
        if (!matcher.matches()) {
            return false;
        }
        long pid = Long.parseLong(matcher.group(2));
        if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            channel.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a marker left behind is unlocked, so the next run removes it
        }
    }
}
