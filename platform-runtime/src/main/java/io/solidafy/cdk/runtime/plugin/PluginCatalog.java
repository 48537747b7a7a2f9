package io.solidafy.cdk.runtime.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The plugins of the runtime's own path and of a plugins directory, each plugin of the directory
 * loaded only when a command needs something it provides. What each provides comes from the
 * {@link ConnectorIndex} where that is current; a plugin not indexed yet (new, changed, or no cache
 * directory) is loaded to find out, and stays loaded. Plugins of the runtime's own path are always
 * loaded. Thread-safe.
 */
public final class PluginCatalog {

    /** One folder or jar of the plugins directory; {@code loaded} is null until it is loaded. */
    private static final class Slot {
        final Path entry;
        final PluginContents contents;
        List<LoadedPlugin> loaded;

        Slot(Path entry, PluginContents contents, List<LoadedPlugin> loaded) {
            this.entry = entry;
            this.contents = contents;
            this.loaded = loaded;
        }
    }

    private final PluginLoader loader;
    private final List<LoadedPlugin> builtIn;
    private final PluginContents builtInContents;
    private final List<Slot> slots = new ArrayList<>();

    private PluginCatalog(PluginLoader loader, List<LoadedPlugin> builtIn, PluginContents builtInContents) {
        this.loader = loader;
        this.builtIn = builtIn;
        this.builtInContents = builtInContents;
    }

    /**
     * Reads the index for every plugin of {@code pluginsDir} (in the order {@link PluginLoader} loads
     * them), loading and indexing those it does not describe.
     *
     * @param warnings receives one sentence per plugin that cannot be loaded or described
     */
    public static PluginCatalog open(Path pluginsDir, ConnectorIndex index, Consumer<String> warnings) {
        int[] warned = {0};
        PluginLoader loader = new PluginLoader(message -> {
            warned[0]++;
            warnings.accept(message);
        });
        List<LoadedPlugin> builtIn = loader.loadBuiltIn();
        PluginCatalog catalog = new PluginCatalog(loader, builtIn, describe("class path", builtIn, false, warnings)
                .orElse(PluginContents.of(List.of(), false)));
        if (pluginsDir == null || !Files.isDirectory(pluginsDir)) {
            return catalog;
        }
        for (Path entry : loader.entries(pluginsDir)) {
            Optional<String> fingerprint = ConnectorIndex.fingerprint(entry);
            Optional<PluginContents> indexed = fingerprint.flatMap(f -> index.read(entry, f));
            if (indexed.isPresent()) {
                catalog.slots.add(new Slot(entry, indexed.get(), null));
                continue;
            }
            int before = warned[0];
            List<LoadedPlugin> loaded = loader.loadPlugin(entry);
            Optional<PluginContents> contents = describe(entry.getFileName().toString(), loaded, loader.refusedAsLayer(entry), warnings);
            if (contents.isEmpty()) {
                continue; // reported: skipped like a plugin that cannot load
            }
            if (warned[0] == before && fingerprint.isPresent()) {
                index.write(entry, fingerprint.get(), contents.get());
            }
            catalog.slots.add(new Slot(entry, contents.get(), loaded));
        }
        return catalog;
    }

    /** Every connector, in plugin order, without loading a plugin the index describes. */
    public List<ConnectorIndex.Entry> connectors() {
        List<ConnectorIndex.Entry> all = new ArrayList<>(builtInContents.connectors());
        slots.forEach(slot -> all.addAll(slot.contents.connectors()));
        return all;
    }

    /** The plugins loaded so far, in precedence order (earlier wins on a name clash). */
    public synchronized List<LoadedPlugin> loaded() {
        List<LoadedPlugin> all = new ArrayList<>(builtIn);
        for (Slot slot : slots) {
            if (slot.loaded != null) {
                all.addAll(slot.loaded);
            }
        }
        return all;
    }

    /** Loads every plugin. */
    public void loadAll() {
        loadWhere(contents -> true);
    }

    /** Loads every plugin whose contents match. */
    public synchronized void loadWhere(Predicate<PluginContents> needed) {
        for (Slot slot : slots) {
            if (needed.test(slot.contents)) {
                load(slot);
            }
        }
    }

    /**
     * Loads the first plugin whose contents match, which is the one a lookup by that name finds
     * first; nothing when a plugin of the runtime's own path matches (it is loaded already).
     */
    public synchronized void loadFirst(Predicate<PluginContents> provides) {
        if (provides.test(builtInContents)) {
            return;
        }
        slots.stream().filter(slot -> provides.test(slot.contents)).findFirst().ifPresent(this::load);
    }

    private void load(Slot slot) {
        if (slot.loaded == null) {
            slot.loaded = loader.loadPlugin(slot.entry, slot.contents.ownClassLoader());
        }
    }

    /** What {@code plugins} provide; empty (and reported) when one of them fails to say. */
    private static Optional<PluginContents> describe(String origin, List<LoadedPlugin> plugins, boolean ownClassLoader,
            Consumer<String> warnings) {
        try {
            return Optional.of(PluginContents.of(plugins, ownClassLoader));
        } catch (RuntimeException | LinkageError e) {
            warnings.accept("Plugin '" + origin + "' was skipped: its connectors cannot be described (" + e + ").");
            return Optional.empty();
        }
    }
}
