package io.solidafy.cdk.runtime.plugin;

import io.solidafy.cdk.spi.Plugin;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds plugins on the runtime's own class/module path and in a plugins directory, and
 * instantiates them with {@link ServiceLoader}.
 *
 * <p>In the plugins directory each immediate sub-folder is one plugin (all jars in it) and each
 * loose {@code *.jar} is a single-jar plugin; both are loaded in name order. Each plugin gets its own
 * {@link ModuleLayer} whose parent is the runtime's layer; when its jars cannot form a layer (split
 * packages, broken automatic module names, or a runtime started on the class path) it gets an
 * {@link IsolatedPluginClassLoader} instead. A plugin that fails to load is reported through the
 * warning sink, by name, and skipped; the others still load.
 *
 * <p>Finding that jars cannot form a layer means reading every entry of every jar (a module's
 * packages), some 50 ms for the Parquet plugin's fifteen jars; the connector index remembers it
 * ({@link PluginContents#ownClassLoader()}), so later commands give such a plugin its own class
 * loader straight away.
 */
public final class PluginLoader {

    private final Consumer<String> warnings;
    /** Plugins already reported as broken, so each is reported once. */
    private final Set<String> reported = new HashSet<>();
    /** Plugin folders and jars whose jars could not form a module layer. */
    private final Set<Path> refusedAsLayer = new HashSet<>();

    /** @param warnings receives one sentence per skipped plugin */
    public PluginLoader(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    /**
     * Loads plugins from the runtime's own path first, then from {@code pluginsDir} if it exists.
     * Earlier plugins win name clashes.
     */
    public PluginRegistry load(Path pluginsDir) {
        List<LoadedPlugin> plugins = new ArrayList<>(loadBuiltIn());
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            for (Path entry : entries(pluginsDir)) {
                plugins.addAll(loadPlugin(entry));
            }
        }
        return new PluginRegistry(plugins);
    }

    /** Plugins that sit on the runtime's own class path or in its module layer. */
    List<LoadedPlugin> loadBuiltIn() {
        // Finds providers in the runtime's module layer and on its class path alike. Without a class
        // path, asking the layer finds the same ones without opening every jar of the module path.
        boolean noClassPath = System.getProperty("java.class.path", "").isEmpty();
        ServiceLoader<Plugin> providers = PluginLoader.class.getModule().isNamed() && noClassPath
                ? ServiceLoader.load(runtimeLayer(), Plugin.class)
                : ServiceLoader.load(Plugin.class, PluginLoader.class.getClassLoader());
        return instantiate("class path", providers, type -> true);
    }

    List<Path> entries(Path pluginsDir) {
        try (Stream<Path> list = Files.list(pluginsDir)) {
            return list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) || isJar(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            warnings.accept("Plugins directory " + pluginsDir + " cannot be read (" + e.getMessage() + "); no plugin was loaded from it.");
            return List.of();
        }
    }

    List<LoadedPlugin> loadPlugin(Path entry) {
        return loadPlugin(entry, false);
    }

    /**
     * Loads the plugin of a folder or jar of the plugins directory.
     *
     * @param ownClassLoader true when its jars are known not to form a module layer: it then gets
     *                       its own class loader without trying
     */
    List<LoadedPlugin> loadPlugin(Path entry, boolean ownClassLoader) {
        String name = entry.getFileName().toString();
        List<Path> jars;
        try {
            jars = jarsOf(entry);
        } catch (IOException e) {
            warnings.accept("Plugin '" + name + "' was skipped: its folder cannot be read (" + e.getMessage() + ").");
            return List.of();
        }
        if (jars.isEmpty()) {
            return List.of(); // a folder without jars (e.g. build output) is not a plugin
        }
        for (Path jar : jars) {
            Optional<String> unreadable = PluginProblems.unreadableJar(jar);
            if (unreadable.isPresent()) {
                warnings.accept("Plugin '" + name + "' was skipped: " + unreadable.get() + ".");
                return List.of();
            }
        }
        String layerProblem = ownClassLoader ? "its jars cannot form one" : "the runtime runs on the class path";
        if (PluginLoader.class.getModule().isNamed() && !ownClassLoader) {
            try {
                ModuleLayer layer = defineLayer(jars);
                List<LoadedPlugin> loaded =
                        instantiate(name, ServiceLoader.load(layer, Plugin.class), type -> type.getModule().getLayer() == layer);
                if (!loaded.isEmpty() || reported.contains(name)) {
                    return loaded;
                }
                layerProblem = "its modules provide no io.solidafy.cdk.spi.Plugin";
            } catch (RuntimeException e) {
                layerProblem = e.getMessage(); // split packages and the like: fall back to an isolated class loader
                refusedAsLayer.add(entry);
            }
        }
        IsolatedPluginClassLoader loader = new IsolatedPluginClassLoader(name, urls(jars), PluginLoader.class.getClassLoader());
        List<LoadedPlugin> loaded = instantiate(name, ServiceLoader.load(Plugin.class, loader), type -> type.getClassLoader() == loader);
        if (loaded.isEmpty() && !reported.contains(name)) {
            warnings.accept("Plugin '" + name + "' was skipped: it declares no io.solidafy.cdk.spi.Plugin service"
                    + " in META-INF/services (as a module layer: " + layerProblem + ").");
        }
        return loaded;
    }

    /** Whether the jars of {@code entry}, loaded by this loader, could not form a module layer. */
    boolean refusedAsLayer(Path entry) {
        return refusedAsLayer.contains(entry);
    }

    static List<Path> jarsOf(Path entry) throws IOException {
        if (!Files.isDirectory(entry)) {
            return List.of(entry);
        }
        try (Stream<Path> files = Files.list(entry)) {
            return files.filter(PluginLoader::isJar).sorted().toList();
        }
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar");
    }

    private static ModuleLayer defineLayer(List<Path> jars) {
        ModuleLayer parent = runtimeLayer();
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<String> roots = finder.findAll().stream()
                .map(ModuleReference::descriptor)
                .map(d -> d.name())
                .collect(Collectors.toSet());
        Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        return parent.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    private static ModuleLayer runtimeLayer() {
        ModuleLayer layer = PluginLoader.class.getModule().getLayer();
        return layer != null ? layer : ModuleLayer.boot();
    }


    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls;
    }

    /** Instantiates every provider the filter accepts; a failing provider is reported and skipped. */
    private List<LoadedPlugin> instantiate(
            String origin, ServiceLoader<Plugin> serviceLoader, java.util.function.Predicate<Class<?>> ownProvider) {
        List<LoadedPlugin> loaded = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Plugin>> providers = serviceLoader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<Plugin> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                reported.add(origin);
                warnings.accept("Plugin '" + origin + "' was skipped: " + PluginProblems.describe(e) + ".");
                break;
            }
            try {
                if (!ownProvider.test(provider.type())) {
                    continue;
                }
                loaded.add(LoadedPlugin.of(origin, provider.get()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                reported.add(origin);
                warnings.accept("Plugin '" + origin + "' (" + provider.type().getName() + ") was skipped: " + PluginProblems.describe(e) + ".");
            }
        }
        return loaded;
    }
}
