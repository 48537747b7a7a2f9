package io.solidafy.cdk.parquet.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.parquet.schema.FieldType.ListOf;
import io.solidafy.cdk.parquet.schema.FieldType.Scalar;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Widening rules: lossless, and compatible with the parts already written. */
class TypeMergerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final TypeMerger merger = new TypeMerger(3);

    private FieldType typeOf(String json) throws Exception {
        return merger.typeOf(MAPPER.readTree(json));
    }

    private FieldType merged(String first, String second) throws Exception {
        return merger.merge(typeOf(first), typeOf(second));
    }

    @Test
    void integersWidenToDoublesOnlyWhileExact() throws Exception {
        assertEquals(Scalar.DOUBLE, merged("1", "1.5"));
        assertEquals(Scalar.DOUBLE, merged("1.5", "2"));
        assertEquals(Scalar.JSON, merged("9007199254740993", "1.5"), "2^53+1 is not exact as a double");
        assertEquals(Scalar.JSON, merged("1.5", "9007199254740993"));
        assertEquals(Scalar.JSON, typeOf("123456789012345678901234567890"), "beyond int64");
        assertFalse(merger.fits(Scalar.DOUBLE, MAPPER.readTree("9007199254740993")));
    }

    @Test
    void stringsStayTextButOtherColumnsBecomeJson() throws Exception {
        assertEquals(Scalar.TEXT, merged("\"a\"", "1"), "a string column keeps plain strings");
        assertEquals(Scalar.TEXT, merged("\"a\"", "{\"k\":1}"));
        assertEquals(Scalar.JSON, merged("{\"k\":1}", "\"a\""), "a struct column can only combine with JSON");
        assertEquals(Scalar.JSON, merged("true", "1"));
        assertEquals(Scalar.JSON, merged("[1]", "{\"k\":1}"));
    }

    @Test
    void structsAndListsMergeMemberwise() throws Exception {
        assertEquals(new Struct(Map.of("a", Scalar.DOUBLE)), merged("{\"a\":1}", "{\"a\":2.5}"));
        FieldType t = merged("{\"a\":1}", "{\"b\":\"x\"}");
        assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(((Struct) t).fields().keySet()), "first-seen order");
        assertEquals(new ListOf(Scalar.DOUBLE), merged("[1, null]", "[2.5]"));
        assertEquals(new ListOf(Scalar.NULL), typeOf("[]"));
        assertEquals(Struct.EMPTY, typeOf("{}"));
    }

    @Test
    void nullsNeverNarrowOrWidenAnything() throws Exception {
        assertEquals(Scalar.LONG, merged("null", "1"));
        assertEquals(Scalar.LONG, merged("1", "null"));
        JsonNode nullValue = MAPPER.readTree("null");
        assertTrue(merger.fits(Scalar.BOOLEAN, nullValue));
    }

    @Test
    void objectsWithTooManyKeysAreMapsStoredAsJson() throws Exception {
        assertEquals(Scalar.JSON, typeOf("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}"));
        assertEquals(Scalar.JSON, merged("{\"a\":1,\"b\":2}", "{\"c\":3,\"d\":4}"));
        assertEquals(4, merger.recordTypeOf(MAPPER.readTree("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}")).fields().size(),
                "a record itself always stays a struct");
    }

    @Test
    void jsonSchemaGivesTheStartingTypes() throws Exception {
        JsonSchemaTypes schemas = new JsonSchemaTypes(merger);
        Struct type = schemas.recordType(MAPPER.readTree("""
                {"type":"object","properties":{"id":{"type":"integer"},"amount":{"type":["null","number"]},
                 "at":{"type":"string","format":"date-time"},"tags":{"type":"array","items":{"type":"string"}},
                 "any":{},"either":{"anyOf":[{"type":"string"},{"type":"integer"}]}}}"""));
        assertEquals(Scalar.LONG, type.fields().get("id"));
        assertEquals(Scalar.DOUBLE, type.fields().get("amount"));
        assertEquals(Scalar.STRING, type.fields().get("at"));
        assertEquals(new ListOf(Scalar.STRING), type.fields().get("tags"));
        assertEquals(Scalar.NULL, type.fields().get("any"), "unknown: learnt from the records");
        assertEquals(Scalar.TEXT, type.fields().get("either"));
    }
}
