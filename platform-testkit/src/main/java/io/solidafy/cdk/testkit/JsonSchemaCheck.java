package io.solidafy.cdk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Validates JSON documents against a JSON Schema with a real validator (networknt
 * json-schema-validator). A schema without {@code $schema} is read as draft 2020-12.
 */
public final class JsonSchemaCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final Schema schema;

    private JsonSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** A check for this schema; fails when the schema itself is not a valid JSON Schema. */
    public static JsonSchemaCheck of(JsonNode schemaDocument) {
        List<String> problems = metaProblems(schemaDocument);
        if (!problems.isEmpty()) {
            throw new AssertionError("not a valid JSON Schema: " + problems + "\n" + schemaDocument.toPrettyString());
        }
        return new JsonSchemaCheck(REGISTRY.getSchema(schemaDocument));
    }

    /** What the draft 2020-12 meta-schema says about a schema document; empty when it is valid. */
    public static List<String> metaProblems(JsonNode schemaDocument) {
        return messages(REGISTRY.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schemaDocument));
    }

    /** Every way {@code document} breaks the schema; empty when it is valid. */
    public List<String> problems(JsonNode document) {
        return messages(schema.validate(document));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).sorted().toList();
    }
}
