package io.solidafy.cdk.runtime.plugin;

import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.source.SourceFactory;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every plugin, in precedence order (earlier wins on a name clash): a fixed list, or a fixed list
 * ahead of a {@link PluginCatalog} whose plugins each lookup loads as far as it needs them. A lookup
 * by name (a format, a scheme, a connector) loads the plugins that provide that name; a question
 * about everything ({@link #sources()}, {@link #formats()}, ...) loads every plugin.
 */
public final class PluginRegistry {

    private final List<LoadedPlugin> fixed;
    private final PluginCatalog catalog;

    /** Exactly these plugins, in precedence order. */
    public PluginRegistry(List<LoadedPlugin> plugins) {
        this(plugins, null);
    }

    private PluginRegistry(List<LoadedPlugin> fixed, PluginCatalog catalog) {
        this.fixed = List.copyOf(fixed);
        this.catalog = catalog;
    }

    /** {@code first}, then the plugins of {@code catalog}, loaded as lookups need them. */
    public static PluginRegistry onDemand(List<LoadedPlugin> first, PluginCatalog catalog) {
        return new PluginRegistry(first, catalog);
    }

    /** Every plugin (all loaded now). */
    public List<LoadedPlugin> plugins() {
        return loaded(catalog -> catalog.loadAll());
    }

    public List<SourceFactory> sources() {
        return all(plugins(), LoadedPlugin::sources);
    }

    /** The source factories that may offer the connector named (or aliased) {@code reference}. */
    public List<SourceFactory> sourcesOffering(String reference) {
        return all(loaded(catalog -> catalog.loadWhere(contents -> contents.offers(reference))), LoadedPlugin::sources);
    }

    /** The source factories that may read a connector definition file. */
    public List<SourceFactory> definitionReaders() {
        return all(loaded(catalog -> catalog.loadWhere(PluginContents::readsDefinitionFiles)), LoadedPlugin::sources);
    }

    public List<SinkFactory> sinks() {
        return all(plugins(), LoadedPlugin::sinks);
    }

    public List<StorageFactory> storages() {
        return all(plugins(), LoadedPlugin::storages);
    }

    /** Every declarative auth type (loads the plugins that provide one). */
    public List<AuthenticatorFactory> authenticators() {
        return all(loaded(catalog -> catalog.loadWhere(contents -> !contents.authTypes().isEmpty())), LoadedPlugin::authenticators);
    }

    /** Every declarative pagination type (loads the plugins that provide one). */
    public List<PaginatorFactory> paginators() {
        return all(loaded(catalog -> catalog.loadWhere(contents -> !contents.paginatorTypes().isEmpty())), LoadedPlugin::paginators);
    }

    /** The first sink writing {@code format}. */
    public Optional<SinkFactory> sink(String format) {
        Predicate<SinkFactory> writes = s -> s.formats().contains(format);
        return first(LoadedPlugin::sinks, writes, contents -> contents.formats().contains(format));
    }

    /** Every format some sink writes. */
    public List<String> formats() {
        return sinks().stream().flatMap(s -> s.formats().stream()).distinct().toList();
    }

    /** The first storage handling {@code scheme}. */
    public Optional<StorageFactory> storage(String scheme) {
        Predicate<StorageFactory> handles = s -> s.schemes().contains(scheme);
        return first(LoadedPlugin::storages, handles, contents -> contents.schemes().contains(scheme));
    }

    /** The first contribution that matches: from the fixed plugins, else from the catalog's first plugin that provides it. */
    private <T> Optional<T> first(Function<LoadedPlugin, List<T>> contributions, Predicate<T> matches, Predicate<PluginContents> provides) {
        Optional<T> found = all(fixed, contributions).stream().filter(matches).findFirst();
        if (found.isPresent() || catalog == null) {
            return found;
        }
        catalog.loadFirst(provides);
        return all(catalog.loaded(), contributions).stream().filter(matches).findFirst();
    }

    /** The fixed plugins and those of the catalog loaded once {@code load} ran. */
    private List<LoadedPlugin> loaded(Consumer<PluginCatalog> load) {
        if (catalog == null) {
            return fixed;
        }
        load.accept(catalog);
        List<LoadedPlugin> all = new ArrayList<>(fixed);
        all.addAll(catalog.loaded());
        return all;
    }

    private static <T> List<T> all(List<LoadedPlugin> plugins, Function<LoadedPlugin, List<T>> contributions) {
        return plugins.stream().flatMap(p -> contributions.apply(p).stream()).toList();
    }
}
