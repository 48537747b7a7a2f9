package io.solidafy.cdk.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.declarative.definition.ConnectorDefinition;
import io.solidafy.cdk.declarative.engine.YamlSource;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.DefinitionProblem;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.SourceFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Declarative YAML connectors: the built-in ones (resources listed in {@code connectors/index.txt},
 * each parsed on first use) and a user's {@code --connector ./file.yaml}. Thread-safe.
 */
public final class YamlSourceFactory implements SourceFactory {

    /** The first line of a built-in file: the {@code yaml-language-server} schema reference for editors. */
    static final String SCHEMA_LINE = "# yaml-language-server: $schema=";

    private final Clock clock;
    private final String resourceDir;
    private volatile List<IndexEntry> index;
    private final Map<String, ConnectorDefinition> parsed = new ConcurrentHashMap<>();

    public YamlSourceFactory(Clock clock) {
        this(clock, "connectors");
    }

    /**
     * @param resourceDir the resource folder holding {@code index.txt} and the connector files
     *                    (tests use their own folder)
     */
    YamlSourceFactory(Clock clock, String resourceDir) {
        this.clock = clock;
        this.resourceDir = resourceDir;
    }

    @Override
    public List<ConnectorInfo> connectors() {
        return index().stream().map(entry -> definition(entry).info()).toList();
    }

    /** Parses only the file of the connector asked for: parsing all ten costs a cold CLI ~100 ms. */
    @Override
    public Optional<ConnectorInfo> connector(String reference) {
        List<IndexEntry> entries = index();
        return entries.stream().filter(e -> e.name().equals(reference)).findFirst()
                .or(() -> entries.stream().filter(e -> e.aliases().contains(reference)).findFirst())
                .map(entry -> definition(entry).info());
    }

    /**
     * A line of {@code index.txt}: {@code <name>.yaml} and the aliases that file declares, so a
     * connector is found by name or alias without parsing every file.
     */
    private record IndexEntry(String file, String name, List<String> aliases) {

        static IndexEntry parse(String line, String indexName) {
            List<String> words = List.of(line.split("\\s+"));
            String file = words.get(0);
            if (!file.endsWith(".yaml")) {
                throw new IllegalStateException(indexName + " lists " + file + "; every entry is <name>.yaml followed by its aliases.");
            }
            return new IndexEntry(file, file.substring(0, file.length() - ".yaml".length()), words.subList(1, words.size()));
        }
    }

    private List<IndexEntry> index() {
        List<IndexEntry> entries = index;
        if (entries == null) {
            String indexName = resourceDir + "/index.txt";
            String text = resource(indexName).orElse("");
            entries = text.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(line -> IndexEntry.parse(line, indexName)).toList();
            index = entries;
        }
        return entries;
    }

    private ConnectorDefinition definition(IndexEntry entry) {
        return parsed.computeIfAbsent(entry.name(), name -> {
            String resourceName = resourceDir + "/" + entry.file();
            String text = resource(resourceName)
                    .orElseThrow(() -> new IllegalStateException("Built-in connector resource " + resourceName + " is missing from the plugin jar."));
            ConnectorDefinition definition = ConnectorDefinition.parse(text, resourceName, Optional.empty(), true);
            ConnectorInfo info = definition.info();
            if (!info.name().equals(entry.name()) || !info.aliases().equals(entry.aliases())) {
                throw new IllegalStateException(resourceName + " declares connector " + info.name() + " with aliases " + info.aliases()
                        + " but index.txt lists " + entry.name() + " with " + entry.aliases() + "; make them agree.");
            }
            return definition;
        });
    }

    private static Optional<String> resource(String name) {
        // The module's own resources are readable through its class.
        try (InputStream in = YamlSourceFactory.class.getResourceAsStream("/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Built-in connector resource " + name + " cannot be read.", e);
        }
    }

    @Override
    public boolean canLoad(Path definitionFile) {
        String file = definitionFile.getFileName() == null ? "" : definitionFile.getFileName().toString().toLowerCase(Locale.ROOT);
        return file.endsWith(".yaml") || file.endsWith(".yml");
    }

    @Override
    public ConnectorInfo load(Path definitionFile) {
        return ConnectorDefinition.load(definitionFile).info();
    }

    @Override
    public List<DefinitionProblem> validate(Path definitionFile) {
        return new ArrayList<>(ConnectorDefinition.problems(definitionFile));
    }

    /**
     * A built-in's YAML as bundled, without its editor schema line (its path is relative to this
     * repository's folders, so it would not resolve beside a copy); a user's file as it is.
     */
    @Override
    public Optional<String> definitionText(ConnectorInfo connector) {
        if (connector.definitionFile().isPresent()) {
            try {
                return Optional.of(Files.readString(connector.definitionFile().get(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ConnectorException("Connector file " + connector.definitionFile().get() + " cannot be read: " + e.getMessage() + ".");
            }
        }
        return index().stream().filter(e -> e.name().equals(connector.name())).findFirst()
                .flatMap(entry -> resource(resourceDir + "/" + entry.file()))
                .map(text -> text.lines().filter(line -> !line.startsWith(SCHEMA_LINE)).collect(Collectors.joining("\n", "", "\n")));
    }

    @Override
    public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
        ConnectorDefinition definition;
        if (connector.definitionFile().isPresent()) {
            definition = ConnectorDefinition.load(connector.definitionFile().get());
        } else {
            definition = index().stream().filter(e -> e.name().equals(connector.name())).findFirst().map(this::definition)
                    .orElseThrow(() -> new ConnectorException("Connector '" + connector.name() + "' is not a built-in declarative connector."));
        }
        return new YamlSource(definition, config, context, clock);
    }
}
