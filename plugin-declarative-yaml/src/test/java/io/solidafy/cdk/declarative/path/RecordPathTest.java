package io.solidafy.cdk.declarative.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RecordPathTest {

    private final JsonNode doc;

    RecordPathTest() throws Exception {
        doc = new ObjectMapper().readTree("{\"data\":[{\"id\":1,\"tags\":[\"a\"]},{\"id\":2,\"tags\":[\"b\",\"c\"]}],\"meta\":{\"next\":\"n\",\"odd key\":3}}");
    }

    @Test
    void keysIndexesNegativeIndexesWildcardsAndDollarPrefix() {
        assertEquals(2, RecordPath.parse("data[-1].id").select(doc).orElseThrow().asInt());
        assertEquals(1, RecordPath.parse("$.data[0].id").select(doc).orElseThrow().asInt());
        assertEquals("n", RecordPath.parse("$.meta.next").select(doc).orElseThrow().asText());
        assertEquals(3, RecordPath.parse("meta['odd key']").select(doc).orElseThrow().asInt());
        assertEquals("[1, 2]", RecordPath.parse("data[*].id").selectAll(doc).toString());
        assertEquals("[\"a\", \"b\", \"c\"]", RecordPath.parse("data[*].tags[*]").selectAll(doc).toString());
        assertTrue(RecordPath.parse("data[5].id").select(doc).isEmpty());
        assertTrue(RecordPath.parse("meta.missing.deeper").select(doc).isEmpty());
        assertTrue(RecordPath.parse("meta.next").onlyKeys());
    }

    @Test
    void badPathsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RecordPath.parse("data[x]"));
        assertThrows(IllegalArgumentException.class, () -> RecordPath.parse("data..id"));
        assertThrows(IllegalArgumentException.class, () -> RecordPath.parse("data[0"));
    }
}
