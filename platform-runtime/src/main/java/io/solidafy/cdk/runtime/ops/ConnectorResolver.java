package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.runtime.definition.GuideFileNames;
import io.solidafy.cdk.runtime.plugin.PluginRegistry;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns {@code --connector X} into a connector: a built-in name or alias first (earlier plugins win
 * clashes, which are reported), else the path of a definition file some plugin can load, or (for
 * the server) a definition file of the connectors directory named after it. Thread-safe.
 */
public final class ConnectorResolver {

    private final PluginRegistry registry;
    private final Resolution resolution;
    private final Consumer<String> warnings;
    private final Consumer<String> notices;
    private List<ResolvedConnector> connectors;

    ConnectorResolver(PluginRegistry registry, Resolution resolution, Consumer<String> warnings, Consumer<String> notices) {
        this.registry = registry;
        this.resolution = resolution;
        this.warnings = warnings;
        this.notices = notices;
    }

    /** Every built-in connector, each once, in plugin order, then those of the connectors directory. */
    public synchronized List<ResolvedConnector> all() {
        if (connectors == null) {
            connectors = describeAll();
        }
        return connectors;
    }

    public ResolvedConnector resolve(String reference) {
        if (!resolution.acceptsPaths() && !Resolution.NAME.matcher(reference).matches()) {
            throw new UnknownConnectorException("Unknown connector '" + reference + "': a connector name has only letters,"
                    + " digits, '_' and '-'.");
        }
        Optional<ResolvedConnector> builtIn = builtIn(reference);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Optional<Path> file = resolution.acceptsPaths() ? asExistingFile(reference) : inConnectorsDir(reference);
        if (file.isPresent()) {
            return load(file.get(), reference);
        }
        if (resolution.acceptsPaths()) { // guide file names such as connectors/stripe.yaml name a built-in connector
            Optional<ResolvedConnector> guideName = GuideFileNames.connectorReference(reference).flatMap(this::builtIn);
            if (guideName.isPresent()) {
                notices.accept(GuideFileNames.notice(reference, guideName.get().info().name()));
                return guideName.get();
            }
        }
        if (resolution.acceptsPaths() && looksLikePath(reference)) {
            throw new ConnectorException("Connector file " + reference + " does not exist.");
        }
        throw new UnknownConnectorException("Unknown connector '" + reference + "'. Available connectors: "
                + String.join(", ", all().stream().map(c -> c.info().name()).toList())
                + (resolution.acceptsPaths() ? " (or pass the path of a connector definition file)." : "."));
    }

    private ResolvedConnector load(Path file, String reference) {
        for (SourceFactory factory : registry.definitionReaders()) {
            if (factory.canLoad(file)) {
                return new ResolvedConnector(factory, factory.load(file));
            }
        }
        throw new ConnectorException("No installed plugin reads connector files like " + reference
                + "; declarative connectors are .yaml or .yml files.");
    }

    /** {@code <dir>/<name>.yaml} or {@code .yml}, directly inside the connectors directory. */
    private Optional<Path> inConnectorsDir(String name) {
        return resolution.connectorsDir().flatMap(dir -> List.of(".yaml", ".yml").stream()
                .map(extension -> dir.resolve(name + extension))
                .filter(f -> dir.equals(f.getParent()) && Files.isRegularFile(f))
                .findFirst());
    }

    /**
     * The built-in connector named {@code reference}, else the one with that alias (aliases never
     * shadow a name), loading only the plugins that offer it and asking each for that one connector
     * only: describing all of them can mean parsing every built-in definition file.
     */
    private Optional<ResolvedConnector> builtIn(String reference) {
        ResolvedConnector named = null;
        ResolvedConnector aliased = null;
        for (SourceFactory factory : registry.sourcesOffering(reference)) {
            Optional<ConnectorInfo> info = factory.connector(reference);
            if (info.isEmpty()) {
                continue;
            }
            ResolvedConnector candidate = new ResolvedConnector(factory, info.get());
            if (!info.get().name().equals(reference)) {
                aliased = aliased == null ? candidate : aliased;
            } else if (named == null) {
                named = candidate;
            } else {
                reportTwice(named, candidate);
            }
        }
        return Optional.ofNullable(named != null ? named : aliased);
    }

    private void reportTwice(ResolvedConnector kept, ResolvedConnector ignored) {
        warnings.accept("Connector '" + kept.info().name() + "' is provided twice; using the first one loaded ("
                + kept.factory().getClass().getName() + "), ignoring " + ignored.factory().getClass().getName() + ".");
    }

    private List<ResolvedConnector> describeAll() {
        Map<String, ResolvedConnector> byName = new LinkedHashMap<>();
        for (SourceFactory factory : registry.sources()) {
            for (ConnectorInfo info : factory.connectors()) {
                ResolvedConnector connector = new ResolvedConnector(factory, info);
                ResolvedConnector existing = byName.putIfAbsent(info.name(), connector);
                if (existing != null) {
                    reportTwice(existing, connector);
                }
            }
        }
        resolution.connectorsDir().ifPresent(dir -> definitionFiles(dir).forEach(file -> {
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!byName.containsKey(name)) {
                try {
                    byName.put(name, load(file, name));
                } catch (ConnectorException e) {
                    warnings.accept("Connector file " + file + " is skipped: " + e.getMessage());
                }
            }
        }));
        return List.copyOf(byName.values());
    }

    private static List<Path> definitionFiles(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(f -> Resolution.NAME.matcher(f.getFileName().toString().replaceFirst("\\.ya?ml$", "")).matches()
                            && f.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ConnectorException("Connectors directory " + dir + " cannot be read: " + e.getMessage() + ".");
        }
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
