package io.solidafy.cdk.runtime.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What each plugin of the plugins directory provides, known without loading it: per plugin folder or
 * jar, a small file in the cache directory holds its {@link PluginContents} (its connectors' metadata,
 * its output formats, storage schemes and declarative extensions) together with the names, sizes and
 * modification times of its jars. A plugin added, changed or removed since is noticed by that
 * fingerprint and loaded (and indexed again); a plugin that reports a problem while loading is never
 * indexed, so the problem is reported every time. Without a cache directory nothing is indexed and
 * every plugin is loaded. {@link PluginCatalog} decides from this what a command loads.
 */
public final class ConnectorIndex {

    /** Bump when the file layout changes: older files are then ignored. */
    private static final String FORMAT = "solidafy-connector-index/3";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TMP_PREFIX = ".index";
    /** How old a file that no command can use must be before it is deleted (see {@link #removeStale}). */
    private static final Duration STALE_AFTER = Duration.ofDays(1);

    /** A connector and the class of the factory that provides it (named in clash warnings). */
    public record Entry(String factoryClass, ConnectorInfo info) {}

    private final Optional<Path> cacheDir;
    /** Set at the first write: a command that indexes several plugins (a fresh install) sweeps the folder once. */
    private final AtomicBoolean swept = new AtomicBoolean();

    /** @param cacheDir where index files live; empty to index nothing */
    public ConnectorIndex(Optional<Path> cacheDir) {
        this.cacheDir = cacheDir.map(dir -> dir.resolve("connector-index"));
    }

    /**
     * The cache directory a command may use: {@code SOLIDAFY_CACHE_DIR} (the launchers set it), else
     * none, so that embedding the runtime writes nothing to the user's home.
     */
    public static Optional<Path> cacheDir(Map<String, String> environment) {
        String dir = environment.get("SOLIDAFY_CACHE_DIR");
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** The connector {@code reference} names, else the one it is an alias of; a name given twice is reported. */
    public static Optional<Entry> find(List<Entry> connectors, String reference, Consumer<String> warnings) {
        Entry named = null;
        for (Entry entry : connectors) {
            if (!entry.info().name().equals(reference)) {
                continue;
            }
            if (named == null) {
                named = entry;
            } else {
                reportTwice(named, entry, warnings);
            }
        }
        return Optional.ofNullable(named)
                .or(() -> connectors.stream().filter(e -> e.info().aliases().contains(reference)).findFirst());
    }

    /** Each connector name once, the first one loaded winning; the others are reported. */
    public static List<Entry> firstByName(List<Entry> connectors, Consumer<String> warnings) {
        Map<String, Entry> byName = new java.util.LinkedHashMap<>();
        for (Entry entry : connectors) {
            Entry existing = byName.putIfAbsent(entry.info().name(), entry);
            if (existing != null) {
                reportTwice(existing, entry, warnings);
            }
        }
        return List.copyOf(byName.values());
    }

    private static void reportTwice(Entry kept, Entry ignored, Consumer<String> warnings) {
        warnings.accept("Connector '" + kept.info().name() + "' is provided twice; using the first one loaded ("
                + kept.factoryClass() + "), ignoring " + ignored.factoryClass() + ".");
    }

    /** Names, sizes and modification times of the plugin's jars, and the index format; empty when they cannot be read. */
    static Optional<String> fingerprint(Path plugin) {
        try {
            StringBuilder fingerprint = new StringBuilder(FORMAT);
            for (Path jar : PluginLoader.jarsOf(plugin)) {
                fingerprint.append('|').append(jar.getFileName()).append(':').append(Files.size(jar))
                        .append(':').append(Files.getLastModifiedTime(jar).toMillis());
            }
            return Optional.of(fingerprint.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<Path> indexFile(Path plugin) {
        Path absolute = plugin.toAbsolutePath().normalize();
        String name = absolute.getFileName() + "-" + Integer.toHexString(absolute.toString().hashCode()) + ".json";
        return cacheDir.map(dir -> dir.resolve(name));
    }

    /** What {@code plugin} provides, from its index file if that was written for this {@code fingerprint}. */
    Optional<PluginContents> read(Path plugin, String fingerprint) {
        Optional<Path> file = indexFile(plugin).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode index = MAPPER.readTree(file.get().toFile());
            if (!fingerprint.equals(index.path("fingerprint").asText())
                    || !plugin.toAbsolutePath().normalize().toString().equals(index.path("plugin").asText())) {
                return Optional.empty();
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode connector : index.get("connectors")) {
                entries.add(new Entry(connector.get("factory").asText(), ConnectorInfoJson.read(connector.get("info"))));
            }
            return Optional.of(new PluginContents(entries, strings(index, "formats"), strings(index, "schemes"),
                    strings(index, "auth_types"), strings(index, "paginator_types"), index.get("reads_definition_files").booleanValue(),
                    index.get("own_class_loader").booleanValue()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or from another version: load the plugin instead
        }
    }

    /** Written to a temporary file and moved into place, so a concurrent reader sees all or nothing. */
    void write(Path plugin, String fingerprint, PluginContents contents) {
        Optional<Path> file = indexFile(plugin);
        if (file.isEmpty()) {
            return;
        }
        ObjectNode index = MAPPER.createObjectNode();
        index.put("plugin", plugin.toAbsolutePath().normalize().toString());
        index.put("fingerprint", fingerprint);
        ArrayNode connectors = index.putArray("connectors");
        for (Entry entry : contents.connectors()) {
            ObjectNode connector = connectors.addObject();
            connector.put("factory", entry.factoryClass());
            connector.set("info", ConnectorInfoJson.write(entry.info()));
        }
        contents.formats().stream().sorted().forEach(index.putArray("formats")::add);
        contents.schemes().stream().sorted().forEach(index.putArray("schemes")::add);
        contents.authTypes().stream().sorted().forEach(index.putArray("auth_types")::add);
        contents.paginatorTypes().stream().sorted().forEach(index.putArray("paginator_types")::add);
        index.put("reads_definition_files", contents.readsDefinitionFiles());
        index.put("own_class_loader", contents.ownClassLoader());
        try {
            Files.createDirectories(file.get().getParent());
            Path tmp = Files.createTempFile(file.get().getParent(), TMP_PREFIX, ".tmp");
            try {
                MAPPER.writeValue(tmp.toFile(), index);
                moveIntoPlace(tmp, file.get());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only or full cache only costs speed
            return;
        }
        if (swept.compareAndSet(false, true)) {
            removeStale(file.get().getParent(), Instant.now().minus(STALE_AFTER));
        }
    }

    /**
     * Deletes the files last written before {@code before} that no command can use any more: index
     * files of plugins that no longer exist (a removed plugin, a deleted build or installation; files
     * are kept per plugin path, so nothing else removes them), unreadable ones, and temporary files
     * left by a writer that died. Runs at the first index write of a command, which a new or changed
     * plugin causes, so commands that only read the index never pay for it. The index files of existing plugins stay,
     * however old.
     */
    private static void removeStale(Path folder, Instant before) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                removeIfStale(file, before);
            }
        } catch (IOException | RuntimeException e) {
            // clean-up only: what is left is tried again at the next write
        }
    }

    private static void removeIfStale(Path file, Instant before) {
        String name = file.getFileName().toString();
        try {
            if (Files.getLastModifiedTime(file).toInstant().isBefore(before)
                    && (name.startsWith(TMP_PREFIX) || name.endsWith(".json") && !describesAnExistingPlugin(file))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | RuntimeException e) {
            // gone meanwhile, or not ours to delete: the others are still looked at
        }
    }

    private static boolean describesAnExistingPlugin(Path indexFile) {
        try {
            String plugin = MAPPER.readTree(indexFile.toFile()).path("plugin").asText("");
            return !plugin.isEmpty() && Files.exists(Path.of(plugin));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Set<String> strings(JsonNode index, String field) {
        JsonNode array = index.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("no " + field); // an index file of another layout
        }
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
