package io.solidafy.cdk.runtime.plugin;

import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.source.SourceFactory;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every loaded plugin, in precedence order (earlier wins on a name clash). Immutable. */
public record PluginRegistry(List<LoadedPlugin> plugins) {

    public PluginRegistry {
        plugins = List.copyOf(plugins);
    }

    public List<SourceFactory> sources() {
        return all(LoadedPlugin::sources);
    }

    public List<SinkFactory> sinks() {
        return all(LoadedPlugin::sinks);
    }

    public List<StorageFactory> storages() {
        return all(LoadedPlugin::storages);
    }

    public List<AuthenticatorFactory> authenticators() {
        return all(LoadedPlugin::authenticators);
    }

    public List<PaginatorFactory> paginators() {
        return all(LoadedPlugin::paginators);
    }

    /** The first sink writing {@code format}. */
    public Optional<SinkFactory> sink(String format) {
        return sinks().stream().filter(s -> s.formats().contains(format)).findFirst();
    }

    /** Every format some sink writes. */
    public List<String> formats() {
        return sinks().stream().flatMap(s -> s.formats().stream()).distinct().toList();
    }

    /** The first storage handling {@code scheme}. */
    public Optional<StorageFactory> storage(String scheme) {
        return storages().stream().filter(s -> s.schemes().contains(scheme)).findFirst();
    }

    private <T> List<T> all(Function<LoadedPlugin, List<T>> contributions) {
        return plugins.stream().flatMap(p -> contributions.apply(p).stream()).toList();
    }
}
