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
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Declarative YAML connectors: the built-in ones (resources listed in {@code connectors/index.txt},
 * parsed once on first use) and a user's {@code --connector ./file.yaml}. Thread-safe.
 */
public final class YamlSourceFactory implements SourceFactory {

    private final Clock clock;
    private final String resourceDir;
    private volatile Map<String, ConnectorDefinition> builtIns;

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
        return builtIns().values().stream().map(ConnectorDefinition::info).toList();
    }

    private Map<String, ConnectorDefinition> builtIns() {
        Map<String, ConnectorDefinition> loaded = builtIns;
        if (loaded == null) {
            synchronized (this) {
                if (builtIns == null) {
                    builtIns = loadBuiltIns();
                }
                loaded = builtIns;
            }
        }
        return loaded;
    }

    private Map<String, ConnectorDefinition> loadBuiltIns() {
        Map<String, ConnectorDefinition> definitions = new LinkedHashMap<>();
        String index = resource(resourceDir + "/index.txt").orElse("");
        for (String line : index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String name = resourceDir + "/" + line;
            String text = resource(name)
                    .orElseThrow(() -> new IllegalStateException("Built-in connector resource " + name + " is missing from the plugin jar."));
            ConnectorDefinition definition = ConnectorDefinition.parse(text, name, Optional.empty(), true);
            definitions.put(definition.info().name(), definition);
        }
        return definitions;
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

    @Override
    public Source open(ConnectorInfo connector, ObjectNode config, SourceContext context) {
        ConnectorDefinition definition;
        if (connector.definitionFile().isPresent()) {
            definition = ConnectorDefinition.load(connector.definitionFile().get());
        } else {
            definition = builtIns().get(connector.name());
            if (definition == null) {
                throw new ConnectorException("Connector '" + connector.name() + "' is not a built-in declarative connector.");
            }
        }
        return new YamlSource(definition, config, context, clock);
    }
}
