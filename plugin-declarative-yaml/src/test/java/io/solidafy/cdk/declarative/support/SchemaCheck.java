package io.solidafy.cdk.declarative.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.solidafy.cdk.declarative.definition.YamlDocument;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code docs/connector.schema.json} applied by a real JSON Schema validator (networknt), to a
 * connector's YAML read into the same tree the engine sees.
 */
public final class SchemaCheck {

    /** The schema as published in the repository. */
    public static final Path DOCS_SCHEMA = Path.of("..", "docs", "connector.schema.json");

    private static final Schema SCHEMA = load();

    private SchemaCheck() {}

    private static Schema load() {
        try {
            String text = Files.readString(DOCS_SCHEMA, StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's findings for a YAML text; fails when the text is not even YAML. */
    public static List<Error> errors(String yaml) {
        JsonNode tree = YamlDocument.parse(new StringReader(yaml)).root()
                .orElseThrow(() -> new AssertionError("not a YAML mapping:\n" + yaml));
        return SCHEMA.validate(tree);
    }

    /**
     * Where an error is, written as the validator writes paths: {@code streams[0].pagination.stop_x}
     * for an unknown key (the key itself), the object's path for a missing key.
     */
    public static String path(Error error) {
        NodePath location = error.getInstanceLocation();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(element);
            }
        }
        String at = path.toString();
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            return at.isEmpty() ? error.getProperty() : at + "." + error.getProperty();
        }
        return at;
    }
}
