package io.solidafy.cdk.runtime.plugin;

import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.SourceFactory;
import io.solidafy.cdk.spi.storage.StorageFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the runtime looks up by name in one plugin (a folder or jar of the plugins directory):
 * what the connector index records so that a command loads only the plugins it needs.
 *
 * @param connectors           its connectors, with the class of the factory providing each
 * @param formats              the output formats its sinks write
 * @param schemes              the URL schemes its storages handle
 * @param authTypes            the declarative {@code auth.type} names it provides
 * @param paginatorTypes       the declarative {@code pagination.type} names it provides
 * @param readsDefinitionFiles whether one of its source factories reads definition files (overrides
 *                             {@link SourceFactory#canLoad})
 * @param ownClassLoader       whether its jars could not form a module layer (split packages and
 *                             the like), so that it is loaded with its own class loader
 */
public record PluginContents(
        List<ConnectorIndex.Entry> connectors,
        Set<String> formats,
        Set<String> schemes,
        Set<String> authTypes,
        Set<String> paginatorTypes,
        boolean readsDefinitionFiles,
        boolean ownClassLoader) {

    public PluginContents {
        connectors = List.copyOf(connectors);
        formats = Set.copyOf(formats);
        schemes = Set.copyOf(schemes);
        authTypes = Set.copyOf(authTypes);
        paginatorTypes = Set.copyOf(paginatorTypes);
    }

    /** What the given plugins (those of one folder or jar) provide; calls what they would throw. */
    static PluginContents of(List<LoadedPlugin> plugins, boolean ownClassLoader) {
        List<ConnectorIndex.Entry> connectors = new ArrayList<>();
        Set<String> formats = new LinkedHashSet<>();
        Set<String> schemes = new LinkedHashSet<>();
        Set<String> authTypes = new LinkedHashSet<>();
        Set<String> paginatorTypes = new LinkedHashSet<>();
        boolean readsFiles = false;
        for (LoadedPlugin plugin : plugins) {
            for (SourceFactory factory : plugin.sources()) {
                for (ConnectorInfo info : factory.connectors()) {
                    connectors.add(new ConnectorIndex.Entry(factory.getClass().getName(), info));
                }
                readsFiles |= overridesCanLoad(factory);
            }
            plugin.sinks().stream().map(SinkFactory::formats).forEach(formats::addAll);
            plugin.storages().stream().map(StorageFactory::schemes).forEach(schemes::addAll);
            plugin.authenticators().stream().map(AuthenticatorFactory::type).forEach(authTypes::add);
            plugin.paginators().stream().map(PaginatorFactory::type).forEach(paginatorTypes::add);
        }
        return new PluginContents(connectors, formats, schemes, authTypes, paginatorTypes, readsFiles, ownClassLoader);
    }

    /** Whether it has a connector named {@code reference}, or one with that alias. */
    public boolean offers(String reference) {
        return connectors.stream().anyMatch(e -> e.info().name().equals(reference) || e.info().aliases().contains(reference));
    }

    /** Whether it adds anything a declarative connector may name in its definition. */
    public boolean extendsDeclarative() {
        return !authTypes.isEmpty() || !paginatorTypes.isEmpty();
    }

    private static boolean overridesCanLoad(SourceFactory factory) {
        try {
            return factory.getClass().getMethod("canLoad", Path.class).getDeclaringClass() != SourceFactory.class;
        } catch (NoSuchMethodException | SecurityException e) {
            return true; // cannot tell: count it as a reader, which only costs loading it
        }
    }
}
