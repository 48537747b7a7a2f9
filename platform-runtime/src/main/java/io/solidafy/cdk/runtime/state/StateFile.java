package io.solidafy.cdk.runtime.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code --state} file: a local path or an object-storage URL ({@code s3://bucket/state/x.json}),
 * read at the start (missing means a first run) and replaced in one atomic write at checkpoints and
 * at the end. Every write is conditional on the version read at the start or written last, so two
 * runs racing on one state file never silently lose an update: the later writer fails.
 *
 * <p>Both kinds go through the {@link ObjectStorage} of their scheme (the runtime's file storage
 * for paths), opened on the parent folder; it is opened on first use, so a bad URL fails inside the
 * sync (with a FAILED summary) rather than before it.
 */
public final class StateFile implements AutoCloseable {

    private final StateLocation where;
    private final Supplier<PluginRegistry> registry;
    private final ObjectMapper mapper;
    private ObjectStorage storage;
    private Optional<String> version = Optional.empty();
    private boolean versionKnown;

    private StateFile(StateLocation where, Supplier<PluginRegistry> registry, ObjectMapper mapper) {
        this.where = where;
        this.registry = registry;
        this.mapper = mapper;
    }

    /** The state file at {@code location}: a path, or a URL whose scheme a storage plugin handles. */
    public static StateFile at(String location, Supplier<PluginRegistry> registry, ObjectMapper mapper) {
        return new StateFile(StateLocation.parse(location), registry, mapper);
    }

    /** As reported in SYNC_SUMMARY's {@code output.state_file}: the absolute path, or the URL. */
    public String location() {
        return where.display();
    }

    /** The saved state; empty when the file does not exist yet or is empty. */
    public synchronized SyncState read() {
        String what = "State file " + location();
        Optional<StoredObject> stored = fetch();
        byte[] bytes = stored.map(StoredObject::bytes).orElse(new byte[0]);
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

    /**
     * Checks up front that the file can be written, so a long sync does not fail at its end: a local
     * folder is created if missing; a storage URL is probed by its plugin. When the state came from
     * {@code --state-json} (so {@link #read} was not called), also learns the stored version, so the
     * first write is still conditional.
     */
    public synchronized void checkWritable() {
        if (where.localPath().isPresent()) {
            Path dir = where.localPath().get().getParent();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ConnectorException("The folder of state file " + location() + " cannot be created (" + e.getMessage() + ").");
            }
            if (!Files.isWritable(dir)) {
                throw new ConnectorException("The folder of state file " + location() + " is not writable.");
            }
        } else {
            try {
                storage().checkWritable();
            } catch (IOException e) {
                throw new ConnectorException("State file " + location() + " cannot be written: " + e.getMessage() + ".");
            }
        }
        if (!versionKnown) {
            fetch();
        }
    }

    /**
     * Replaces the file with {@code state} in one atomic write.
     *
     * @throws ConnectorException when another run changed the file since this run read or wrote it
     */
    public synchronized void write(SyncState state) throws IOException {
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(state.toJson());
        if (!versionKnown) {
            fetch();
        }
        try {
            version = Optional.of(storage().write(where.key(), bytes, version));
        } catch (ConcurrentWriteException e) {
            throw new ConnectorException("State file " + location() + " was changed by another run since this run read it, so this"
                    + " run's state was not saved; run again to continue from the other run's state.", e);
        }
    }

    private Optional<StoredObject> fetch() {
        try {
            Optional<StoredObject> stored = storage().read(where.key());
            version = stored.map(StoredObject::version);
            versionKnown = true;
            return stored;
        } catch (IOException e) {
            throw new ConnectorException("State file " + location() + " cannot be read: " + e.getMessage() + ".");
        }
    }

    private ObjectStorage storage() {
        if (storage == null) {
            storage = registry.get().storage(where.scheme())
                    .orElseThrow(() -> new ConnectorException("No installed storage plugin handles " + where.scheme()
                            + ":// state files; install the cloud storage plugin or use a local --state file."))
                    .open(where.folder());
        }
        return storage;
    }

    @Override
    public synchronized void close() {
        if (storage != null) {
            try {
                storage.close();
            } catch (IOException e) {
                // nothing is pending: every write completed or failed already
            }
            storage = null;
        }
    }
}
