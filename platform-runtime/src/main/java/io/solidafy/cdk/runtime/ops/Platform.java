package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.runtime.builtin.BuiltInPlugin;
import io.solidafy.cdk.runtime.plugin.ConnectorIndex;
import io.solidafy.cdk.runtime.plugin.LoadedPlugin;
import io.solidafy.cdk.runtime.plugin.PluginLoader;
import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What outlives one command: the plugins and how connector references resolve. The CLI makes one
 * per run and loads plugins only when a command needs them ({@code list} and {@code spec} read the
 * connector index instead); the HTTP server makes one for its lifetime and loads them at start.
 * Thread-safe.
 */
public final class Platform {

    private final Supplier<PluginRegistry> loader;
    private final Optional<Path> pluginsDir;
    private final Optional<Path> indexDir;
    private final Resolution resolution;
    private final Consumer<String> warnings;
    private final Consumer<String> notices;
    private PluginRegistry plugins;
    private ConnectorResolver resolver;

    private Platform(Supplier<PluginRegistry> loader, Optional<Path> pluginsDir, Optional<Path> indexDir, Resolution resolution,
            Consumer<String> warnings, Consumer<String> notices) {
        this.loader = loader;
        this.pluginsDir = pluginsDir;
        this.indexDir = indexDir;
        this.resolution = resolution;
        this.warnings = warnings;
        this.notices = notices;
    }

    /**
     * @param plugins    the loaded plugins, in precedence order
     * @param resolution which connector references are accepted
     * @param warnings   diagnostics (name clashes, unreadable definition files)
     */
    public Platform(PluginRegistry plugins, Resolution resolution, Consumer<String> warnings) {
        this(() -> plugins, Optional.empty(), Optional.empty(), resolution, warnings, notice -> {});
    }

    /** The plugins of the class path and of {@code pluginsDir}, loaded on first use. */
    public static Platform load(Path pluginsDir, Resolution resolution, Consumer<String> warnings) {
        return new Platform(() -> new PluginLoader(warnings).load(pluginsDir), Optional.of(pluginsDir), Optional.empty(), resolution, warnings,
                notice -> {});
    }

    /**
     * As {@link #load(Path, Resolution, Consumer)}, with a connector index under {@code indexDir}
     * that lets {@code list} and {@code spec} describe connectors without loading their plugins, and
     * {@code notices} for what resolving a reference did on the user's behalf (INFO messages).
     */
    public static Platform load(Path pluginsDir, Optional<Path> indexDir, Resolution resolution, Consumer<String> warnings,
            Consumer<String> notices) {
        return new Platform(() -> new PluginLoader(warnings).load(pluginsDir), Optional.of(pluginsDir), indexDir, resolution, warnings,
                notices);
    }

    /** Loads the plugins now (a server does, so that its first request is as fast as the others). */
    public Platform preload() {
        resolver();
        return this;
    }

    /**
     * Every plugin for one command: the runtime's own formats (whose {@code json} records go to
     * {@code protocol}) first, then the loaded plugins.
     */
    public PluginRegistry registry(ProtocolWriter protocol) {
        List<LoadedPlugin> all = new ArrayList<>();
        all.add(LoadedPlugin.of("runtime", new BuiltInPlugin(protocol)));
        all.addAll(plugins().plugins());
        return new PluginRegistry(all);
    }

    public synchronized ConnectorResolver resolver() {
        if (resolver == null) {
            resolver = new ConnectorResolver(plugins(), resolution, warnings, notices);
        }
        return resolver;
    }

    /**
     * Every connector's description for {@code list} and {@code spec}: from the connector index
     * where it is current and the plugins are not loaded yet (without an index directory, by loading
     * each plugin's factories only), else from the loaded plugins.
     */
    synchronized List<ConnectorIndex.Entry> connectors(ProtocolWriter protocol) {
        // the server (names only, perhaps a connectors directory) describes what its resolver knows
        if (plugins != null || pluginsDir.isEmpty() || !resolution.acceptsPaths()) {
            return resolver().all().stream()
                    .map(c -> new ConnectorIndex.Entry(c.factory().getClass().getName(), c.info()))
                    .toList();
        }
        List<LoadedPlugin> runtime = List.of(LoadedPlugin.of("runtime", new BuiltInPlugin(protocol)));
        return new ConnectorIndex(indexDir, warnings).connectors(runtime, pluginsDir.get());
    }

    /** A diagnostic line (stderr for the CLI and the server). */
    void warn(String message) {
        warnings.accept(message);
    }

    private synchronized PluginRegistry plugins() {
        if (plugins == null) {
            plugins = loader.get();
        }
        return plugins;
    }
}
