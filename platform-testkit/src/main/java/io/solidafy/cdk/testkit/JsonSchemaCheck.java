package io.solidafy.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;

/**
 * Validates JSON documents against a JSON Schema with a real validator (networknt
 * json-schema-validator). A schema without {@code $schema} is read as draft 2020-12.
 */
public final class JsonSchemaCheck {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.defaultMetaSchemaIri(SpecVersion.VersionFlag.V202012.getId()));

    private final JsonSchema schema;

    private JsonSchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    /** A check for this schema; fails when the schema itself is not a valid JSON Schema. */
    public static JsonSchemaCheck of(JsonNode schemaDocument) {
        List<String> problems = metaProblems(schemaDocument);
        if (!problems.isEmpty()) {
            throw new AssertionError("not a valid JSON Schema: " + problems + "\n" + schemaDocument.toPrettyString());
        }
        return new JsonSchemaCheck(FACTORY.getSchema(schemaDocument));
    }

    /** What the JSON Schema meta-schema says about a schema document; empty when it is valid. */
    public static List<String> metaProblems(JsonNode schemaDocument) {
        JsonSchema meta = FACTORY.getSchema(com.networknt.schema.SchemaLocation.of(SpecVersion.VersionFlag.V202012.getId()));
        return messages(meta.validate(schemaDocument));
    }

    /** Every way {@code document} breaks the schema; empty when it is valid. */
    public List<String> problems(JsonNode document) {
        return messages(schema.validate(document));
    }

    private static List<String> messages(java.util.Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
