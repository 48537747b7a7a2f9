package io.solidafy.cdk.spi;

import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.source.SourceFactory;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.util.List;

/**
 * The single {@link java.util.ServiceLoader} entry point of a plugin.
 *
 * <p>A plugin overrides only the methods for what it contributes; every default returns an empty
 * list, so new extension points never break existing plugins.
 *
 * <p>Who calls it: the runtime's plugin loader, once per plugin, right after instantiation (through
 * the public no-argument constructor). Constructors must be cheap and must not start I/O: a
 * command loads every plugin the connector index cannot describe yet (a new or changed plugin, no
 * cache directory), and the server loads them all at start. Methods are called from one thread; the returned factories may be used
 * from several threads and must therefore be thread-safe.
 */
public interface Plugin {

    /** A short human name used in log messages; defaults to the implementation's class name. */
    default String name() {
        return getClass().getName();
    }

    /** Source connector factories this plugin provides. */
    default List<SourceFactory> sources() {
        return List.of();
    }

    /** Output formats (json, parquet, ...) this plugin provides. */
    default List<SinkFactory> sinks() {
        return List.of();
    }

    /** Object storages (file, s3, gs, ...) this plugin provides. */
    default List<StorageFactory> storages() {
        return List.of();
    }

    /** Auth types usable from declarative connector YAML ({@code auth.type}). */
    default List<AuthenticatorFactory> authenticators() {
        return List.of();
    }

    /** Pagination types usable from declarative connector YAML ({@code pagination.type}). */
    default List<PaginatorFactory> paginators() {
        return List.of();
    }
}
