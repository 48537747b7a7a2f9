package io.solidafy.cdk.runtime.cli;

import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns {@code --connector X} into a connector: a built-in name or alias first (earlier plugins win
 * clashes, which are reported), else the path of a definition file some plugin can load.
 */
final class ConnectorResolver {

    private final PluginRegistry registry;
    private final Consumer<String> warnings;
    private Map<String, ResolvedConnector> index;
    private List<ResolvedConnector> connectors;

    ConnectorResolver(PluginRegistry registry, Consumer<String> warnings) {
        this.registry = registry;
        this.warnings = warnings;
    }

    /** Every built-in connector, each once, in plugin order. */
    List<ResolvedConnector> all() {
        buildIndex();
        return connectors;
    }

    ResolvedConnector resolve(String reference) {
        buildIndex();
        ResolvedConnector builtIn = index.get(reference);
        if (builtIn != null) {
            return builtIn;
        }
        Optional<Path> file = asExistingFile(reference);
        if (file.isPresent()) {
            for (SourceFactory factory : registry.sources()) {
                if (factory.canLoad(file.get())) {
                    return new ResolvedConnector(factory, factory.load(file.get()));
                }
            }
            throw new ConnectorException("No installed plugin reads connector files like " + reference
                    + "; declarative connectors are .yaml or .yml files.");
        }
        if (looksLikePath(reference)) {
            throw new ConnectorException("Connector file " + reference + " does not exist.");
        }
        throw new ConnectorException("Unknown connector '" + reference + "'. Available connectors: "
                + String.join(", ", connectors.stream().map(c -> c.info().name()).toList())
                + " (or pass the path of a connector definition file).");
    }

    private void buildIndex() {
        if (index != null) {
            return;
        }
        Map<String, ResolvedConnector> byName = new LinkedHashMap<>();
        List<ResolvedConnector> unique = new ArrayList<>();
        for (SourceFactory factory : registry.sources()) {
            for (ConnectorInfo info : factory.connectors()) {
                ResolvedConnector connector = new ResolvedConnector(factory, info);
                ResolvedConnector existing = byName.get(info.name());
                if (existing != null) {
                    warnings.accept("Connector '" + info.name() + "' is provided twice; using the first one loaded ("
                            + existing.factory().getClass().getName() + "), ignoring " + factory.getClass().getName() + ".");
                    continue;
                }
                unique.add(connector);
                byName.put(info.name(), connector);
            }
        }
        // Aliases never shadow a name.
        for (ResolvedConnector connector : unique) {
            for (String alias : connector.info().aliases()) {
                byName.putIfAbsent(alias, connector);
            }
        }
        index = byName;
        connectors = List.copyOf(unique);
    }

    private static Optional<Path> asExistingFile(String reference) {
        try {
            Path path = Path.of(reference);
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikePath(String reference) {
        return reference.contains("/") || reference.contains("\\") || reference.endsWith(".yaml") || reference.endsWith(".yml")
                || reference.endsWith(".json");
    }
}
