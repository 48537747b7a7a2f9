package io.solidafy.cdk.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.spi.ConnectorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The {@code --state} file: read at the start (a missing file means a first run), replaced
 * atomically (write a temporary file beside it, fsync, rename) at checkpoints and at the end, so it
 * is valid JSON at every moment.
 */
public final class StateFile {

    private final Path path;
    private final ObjectMapper mapper;

    public StateFile(Path path, ObjectMapper mapper) {
        this.path = path.toAbsolutePath().normalize();
        this.mapper = mapper;
    }

    public Path path() {
        return path;
    }

    /** The saved state; empty when the file does not exist yet. */
    public SyncState read() {
        String what = "State file " + path;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return SyncState.empty();
        } catch (IOException e) {
            throw new ConnectorException(what + " cannot be read: " + e.getMessage() + ".");
        }
        if (bytes.length == 0) {
            return SyncState.empty();
        }
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(what + " is not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + "); fix or delete it to start a full sync.");
        } catch (IOException e) {
            throw new ConnectorException(what + " cannot be read: " + e.getMessage() + ".");
        }
        if (root == null || !root.isObject()) {
            throw new ConnectorException(what + " must contain a JSON object; fix or delete it to start a full sync.");
        }
        return SyncState.parse(root, what);
    }

    /** Checks up front that the file can be written, so a long sync does not fail at its end. */
    public void checkWritable() {
        Path dir = path.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new ConnectorException("The folder of state file " + path + " does not exist; create it first.");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw new ConnectorException("The folder of state file " + path + " is not writable.");
        }
    }

    public synchronized void write(SyncState state) throws IOException {
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(state.toJson());
        Path temp = path.resolveSibling("." + path.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
