package io.solidafy.cdk.runtime.builtin;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StorageFactory;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local file system as an object storage ({@code file:} URLs and plain paths). Objects are
 * staged as hidden files beside their destination (same file system) and published with a hard
 * link, which fails instead of replacing an existing file. Staging names carry the run's id, so
 * later runs can remove those of killed runs ({@link StaleStaging}).
 *
 * <p>Small objects (state files) are replaced atomically (temporary file, fsync, rename); their
 * version is a SHA-256 of the content, and a conditional write compares it under a lock on a hidden
 * {@code .<name>.lock} file beside the object, held by one writer at a time across processes.
 */
final class FileStorageFactory implements StorageFactory {

    /** One monitor per locked file: a JVM may not hold two overlapping file locks itself. */
    private static final ConcurrentHashMap<Path, Object> LOCAL_LOCKS = new ConcurrentHashMap<>();

    @Override
    public List<String> schemes() {
        return List.of("file");
    }

    @Override
    public ObjectStorage open(URI location) {
        Path root = Path.of(location).toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ConnectorException("Output " + root + " is a file; --output must name a directory.");
        }
        return new FileStorage(root);
    }

    /** One run's view of a local directory; holds the run's {@link RunMarker} from the first write on. */
    private static final class FileStorage implements ObjectStorage {

        private final Path root;
        private RunMarker marker;

        FileStorage(Path root) {
            this.root = root;
        }

        @Override
        public String location() {
            return root.toString();
        }

        /** Creates the directory when missing, proves it writable, and removes what killed runs left there. */
        @Override
        public void checkWritable() {
            try {
                marker();
            } catch (IOException e) {
                throw new ConnectorException("Output directory " + root + " cannot be written (" + reason(e)
                        + "); make it writable or choose another --output.");
            }
            StaleStaging.sweepDeadRuns(root);
        }

        @Override
        public Path stage(String key) throws IOException {
            Path target = resolve(key);
            try {
                Path dir = Files.createDirectories(target.getParent());
                RunMarker run = marker();
                if (run.record(dir)) { // recorded before the first file, so a kill never hides one
                    StaleStaging.sweepDirectory(root, dir);
                }
                return Files.createFile(StaleStaging.stagingPath(target, run.runId(), UUID.randomUUID().toString()));
            } catch (IOException e) {
                throw new IOException("Output directory " + target.getParent() + " cannot be written (" + reason(e) + ")", e);
            }
        }

        private synchronized RunMarker marker() throws IOException {
            if (marker == null) {
                Files.createDirectories(root);
                marker = RunMarker.create(root);
            }
            return marker;
        }

        @Override
        public synchronized void close() {
            if (marker != null) {
                marker.close();
                marker = null;
            }
        }

        @Override
        public String publish(Path staged, String key) throws IOException {
            Path target = resolve(key);
            try {
                Files.createLink(target, staged);
                Files.delete(staged);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("Refusing to overwrite existing file " + target, e);
            } catch (UnsupportedOperationException | IOException e) {
                if (e instanceof IOException && Files.exists(target)) {
                    throw (IOException) e;
                }
                Files.move(staged, target); // no hard links here: a rename that still never replaces
            }
            return target.toString();
        }

        @Override
        public void discard(Path staged) {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                // best effort: a hidden staging file is invisible to readers of *.parquet
            }
        }

        @Override
        public Optional<StoredObject> read(String key) throws IOException {
            try {
                byte[] bytes = Files.readAllBytes(resolve(key));
                return Optional.of(new StoredObject(bytes, version(bytes)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public String write(String key, byte[] bytes, Optional<String> expectedVersion) throws IOException {
            Path target = resolve(key);
            Files.createDirectories(target.getParent());
            Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
            synchronized (LOCAL_LOCKS.computeIfAbsent(lockFile, k -> new Object())) {
                try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = lockChannel.lock()) {
                    Optional<String> current = read(key).map(StoredObject::version);
                    if (!current.equals(expectedVersion)) {
                        throw new ConcurrentWriteException(target + " was changed by another writer since it was read, so it was not"
                                + " overwritten; run again to continue from its current content.");
                    }
                    replace(target, bytes);
                    return version(bytes);
                }
            }
        }

        private static void replace(Path target, byte[] bytes) throws IOException {
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        }

        private static String version(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        private static String reason(IOException e) {
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
            if (e instanceof FileSystemException fs && fs.getReason() != null) {
                return fs.getReason();
            }
            return e.getMessage();
        }

        private Path resolve(String key) {
            Path target = root.resolve(key).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalArgumentException("Object key escapes the output directory: " + key);
            }
            return target;
        }
    }
}
