package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.runtime.builtin.BuiltInPlugin;
import io.solidafy.cdk.runtime.plugin.ConnectorIndex;
import io.solidafy.cdk.runtime.plugin.LoadedPlugin;
import io.solidafy.cdk.runtime.plugin.PluginCatalog;
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
 * per run over a {@link PluginCatalog}, so that a command loads only the plugins it needs ({@code
 * list} and {@code spec} none the connector index describes); the HTTP server makes one for its
 * lifetime and loads every plugin at start. Thread-safe.
 */
public final class Platform {

    private final Supplier<PluginRegistry> loader;
    private final Supplier<PluginCatalog> catalogOpener;
    private final Resolution resolution;
    private final Consumer<String> warnings;
    private final Consumer<String> notices;
    private PluginCatalog catalog;
    private PluginRegistry plugins;
    private ConnectorResolver resolver;

    private Platform(Supplier<PluginRegistry> loader, Supplier<PluginCatalog> catalogOpener, Resolution resolution,
            Consumer<String> warnings, Consumer<String> notices) {
        this.loader = loader;
        this.catalogOpener = catalogOpener;
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
        this(() -> plugins, null, resolution, warnings, notice -> {});
    }

    /** Every plugin of the class path and of {@code pluginsDir}, all loaded on first use. */
    public static Platform load(Path pluginsDir, Resolution resolution, Consumer<String> warnings) {
        return new Platform(() -> new PluginLoader(warnings).load(pluginsDir), null, resolution, warnings, notice -> {});
    }

    /**
     * The plugins of the class path and of {@code pluginsDir}, each loaded when a command first needs
     * what it provides, as the connector index under {@code indexDir} tells (without an index
     * directory, every plugin is loaded to tell); {@code notices} receives what resolving a reference
     * did on the user's behalf (INFO messages).
     */
    public static Platform load(Path pluginsDir, Optional<Path> indexDir, Resolution resolution, Consumer<String> warnings,
            Consumer<String> notices) {
        ConnectorIndex index = new ConnectorIndex(indexDir);
        return new Platform(null, () -> PluginCatalog.open(pluginsDir, index, warnings), resolution, warnings, notices);
    }

    /** Loads every plugin now (a server does, so that its first request is as fast as the others). */
    public Platform preload() {
        plugins().plugins();
        resolver();
        return this;
    }

    /**
     * The plugins for one command: the runtime's own formats (whose {@code json} records go to
     * {@code protocol}) first, then the others, loaded as the command looks them up.
     */
    public PluginRegistry registry(ProtocolWriter protocol) {
        LoadedPlugin runtime = LoadedPlugin.of("runtime", new BuiltInPlugin(protocol));
        if (catalogOpener != null) {
            return PluginRegistry.onDemand(List.of(runtime), catalog());
        }
        List<LoadedPlugin> all = new ArrayList<>();
        all.add(runtime);
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
     * Every connector's description for {@code list} and {@code spec}: from the catalog (the index
     * where it is current), else from what the resolver knows (the server: names only, perhaps a
     * connectors directory).
     */
    synchronized List<ConnectorIndex.Entry> connectors() {
        if (catalogOpener == null || !resolution.acceptsPaths()) {
            return resolver().all().stream()
                    .map(c -> new ConnectorIndex.Entry(c.factory().getClass().getName(), c.info()))
                    .toList();
        }
        return catalog().connectors(); // the runtime's own plugin has no connectors
    }

    /** A diagnostic line (stderr for the CLI and the server). */
    void warn(String message) {
        warnings.accept(message);
    }

    private synchronized PluginCatalog catalog() {
        if (catalog == null) {
            catalog = catalogOpener.get();
        }
        return catalog;
    }

    private synchronized PluginRegistry plugins() {
        if (plugins == null) {
            plugins = catalogOpener != null ? PluginRegistry.onDemand(List.of(), catalog()) : loader.get();
        }
        return plugins;
    }
}
