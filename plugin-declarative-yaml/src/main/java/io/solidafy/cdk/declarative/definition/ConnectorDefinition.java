package io.solidafy.cdk.declarative.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConfigField;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.DefinitionProblem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated connector file: its YAML tree and the metadata derived from it. Immutable.
 *
 * @param tree    the document
 * @param info    name, aliases, config fields and streams, as {@code list} and {@code spec} show them
 * @param builtIn true for a connector bundled with the plugin (accepts a {@code base_url} config key)
 */
public record ConnectorDefinition(ObjectNode tree, ConnectorInfo info, boolean builtIn) {

    /** The config key a built-in connector accepts to override its base URL. */
    public static final String BASE_URL_OVERRIDE = "base_url";

    /** Every problem of a YAML text; empty when it is usable. */
    public static List<DefinitionProblem> problems(Reader yaml) {
        return new DefinitionValidator(YamlDocument.parse(yaml)).validate();
    }

    /** Every problem of a file; empty when it is usable. */
    public static List<DefinitionProblem> problems(Path file) {
        try {
            return problems(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return List.of(new DefinitionProblem("", 0, 0, "The file cannot be read: " + e.getMessage() + "."));
        }
    }

    /**
     * Parses and validates a user's connector file.
     *
     * @throws ConnectorException naming the first problem (and how many there are)
     */
    public static ConnectorDefinition load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConnectorException("Connector file " + file + " cannot be read: " + e.getMessage() + ".");
        }
        return parse(text, file.toString(), Optional.of(file), false);
    }

    /**
     * Parses and validates a connector from YAML text.
     *
     * @param origin file name used in messages
     */
    public static ConnectorDefinition parse(String text, String origin, Optional<Path> file, boolean builtIn) {
        YamlDocument document = YamlDocument.parse(new StringReader(text));
        List<DefinitionProblem> problems = new DefinitionValidator(document).validate();
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (" + (problems.size() - 1) + " more; run 'solidafy-cdk validate --connector " + origin + "' to see all)" : "";
            throw new ConnectorException("Connector file " + problems.get(0).describe(origin) + more);
        }
        ObjectNode tree = document.root().orElseThrow();
        List<ConfigField> fields = new ArrayList<>(ConfigFields.of(tree));
        if (builtIn && fields.stream().noneMatch(f -> f.name().equals(BASE_URL_OVERRIDE))) {
            fields.add(ConfigField.optional(BASE_URL_OVERRIDE, "string", "Overrides the API base URL (proxies, regional endpoints, test servers)", null));
        }
        List<String> aliases = new ArrayList<>();
        tree.path("aliases").forEach(a -> aliases.add(a.asText()));
        List<String> streams = new ArrayList<>();
        tree.path("streams").forEach(s -> streams.add(s.path("name").asText()));
        ConnectorInfo info = new ConnectorInfo(
                tree.get("name").asText(),
                text(tree, "version", "0.1.0"),
                aliases,
                text(tree, "description", ""),
                text(tree, "category", ""),
                "api",
                fields,
                streams,
                false,
                file);
        return new ConnectorDefinition(tree, info, builtIn);
    }

    private static String text(JsonNode tree, String key, String fallback) {
        JsonNode value = tree.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
