package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.runtime.builtin.BuiltInPlugin;
import io.solidafy.cdk.runtime.plugin.LoadedPlugin;
import io.solidafy.cdk.runtime.plugin.PluginLoader;
import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What outlives one command: the loaded plugins and how connector references resolve. The CLI makes
 * one per run, the HTTP server one for its lifetime. Thread-safe.
 */
public final class Platform {

    private final PluginRegistry plugins;
    private final ConnectorResolver resolver;

    /**
     * @param plugins    the loaded plugins, in precedence order
     * @param resolution which connector references are accepted
     * @param warnings   diagnostics (name clashes, unreadable definition files)
     */
    public Platform(PluginRegistry plugins, Resolution resolution, Consumer<String> warnings) {
        this.plugins = plugins;
        this.resolver = new ConnectorResolver(plugins, resolution, warnings);
    }

    /** Loads the plugins of the class path and of {@code pluginsDir}. */
    public static Platform load(Path pluginsDir, Resolution resolution, Consumer<String> warnings) {
        return new Platform(new PluginLoader(warnings).load(pluginsDir), resolution, warnings);
    }

    /**
     * Every plugin for one command: the runtime's own formats (whose {@code json} records go to
     * {@code protocol}) first, then the loaded plugins.
     */
    public PluginRegistry registry(ProtocolWriter protocol) {
        List<LoadedPlugin> all = new ArrayList<>();
        all.add(LoadedPlugin.of("runtime", new BuiltInPlugin(protocol)));
        all.addAll(plugins.plugins());
        return new PluginRegistry(all);
    }

    public ConnectorResolver resolver() {
        return resolver;
    }
}
