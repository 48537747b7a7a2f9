package io.solidafy.cdk.spi.source;

import io.solidafy.cdk.spi.ConfigField;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector is, without opening it: the metadata behind {@code list}, {@code spec}, {@code
 * streams} (for connectors with a fixed stream list) and {@code GET /connectors}.
 *
 * @param name           unique name used with {@code --connector}
 * @param version        version of the definition, shown by {@code spec} and {@code validate}
 * @param aliases        other names this connector answers to
 * @param description    one line for humans
 * @param category       e.g. {@code Payments}, {@code Database}
 * @param connectorType  {@code api} for REST connectors, {@code database} for databases, or a
 *                       plugin's own word
 * @param configFields   the configuration the user provides
 * @param streams        stream names when they are fixed; empty when {@code streamsDynamic}
 * @param streamsDynamic streams are only known after connecting (database tables)
 * @param definitionFile the user's definition file this connector was loaded from; empty for a
 *                       built-in connector
 */
public record ConnectorInfo(
        String name,
        String version,
        List<String> aliases,
        String description,
        String category,
        String connectorType,
        List<ConfigField> configFields,
        List<String> streams,
        boolean streamsDynamic,
        Optional<Path> definitionFile) {

    public ConnectorInfo {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("connector name must not be blank");
        }
        version = version == null ? "0.1.0" : version;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        description = description == null ? "" : description;
        category = category == null ? "" : category;
        connectorType = connectorType == null ? "api" : connectorType;
        configFields = configFields == null ? List.of() : List.copyOf(configFields);
        streams = streams == null ? List.of() : List.copyOf(streams);
        definitionFile = definitionFile == null ? Optional.empty() : definitionFile;
    }

    /** True when {@code reference} is this connector's name or one of its aliases. */
    public boolean answersTo(String reference) {
        return name.equals(reference) || aliases.contains(reference);
    }

    /** The declared field with this name, if any. */
    public Optional<ConfigField> field(String fieldName) {
        return configFields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
