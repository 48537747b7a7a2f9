package io.solidafy.cdk.runtime.plugin;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.source.SourceFactory;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.List;

/**
 * A plugin whose contributions were read once at load time (so a plugin whose methods throw or
 * link against a missing SPI method is rejected there, not in the middle of a sync).
 *
 * @param origin where it came from: a plugin folder or jar name, or {@code class path}
 */
public record LoadedPlugin(
        String origin,
        Plugin plugin,
        List<SourceFactory> sources,
        List<SinkFactory> sinks,
        List<StorageFactory> storages,
        List<AuthenticatorFactory> authenticators,
        List<PaginatorFactory> paginators) {

    public LoadedPlugin {
        sources = List.copyOf(sources);
        sinks = List.copyOf(sinks);
        storages = List.copyOf(storages);
        authenticators = List.copyOf(authenticators);
        paginators = List.copyOf(paginators);
    }

    /** Reads every contribution of {@code plugin}; throws what the plugin throws. */
    public static LoadedPlugin of(String origin, Plugin plugin) {
        return new LoadedPlugin(
                origin,
                plugin,
                plugin.sources(),
                plugin.sinks(),
                plugin.storages(),
                plugin.authenticators(),
                plugin.paginators());
    }
}
