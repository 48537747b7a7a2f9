package io.solidafy.cdk.database.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pre-encoded row serialises byte for byte like a plain ObjectNode with the same content. */
class RecordNodeTest {

    private static final String[] KEYS = {"id", "näme \"q\"", "price", "amount", "ok", "nothing", "nested", "big"};

    private static RecordNode row() {
        RecordNode row = new RecordNode(RecordNode.Columns.of(KEYS));
        row.setColumn(0, LongNode.valueOf(42));
        row.setColumn(1, TextNode.valueOf("héllo \"world\"\n\t\u0001 \u2028 😀 </script>"));
        row.setColumn(2, DoubleNode.valueOf(1.0E10));
        row.setColumn(3, DecimalNode.valueOf(new BigDecimal("12345678901234567890.0000000001")));
        row.setColumn(4, BooleanNode.TRUE);
        row.setColumn(5, NullNode.instance);
        ObjectNode nested = JsonNodeFactory.instance.objectNode().put("a", "b");
        nested.putArray("list").add(1).add("x");
        row.setColumn(6, nested);
        row.setColumn(7, DecimalNode.valueOf(new BigDecimal("1E-7")));
        return row;
    }

    private static ObjectNode plain(ObjectNode from) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        from.fields().forEachRemaining(e -> copy.set(e.getKey(), e.getValue()));
        return copy;
    }

    private static String write(ObjectMapper mapper, JsonNode node, boolean asciiOnly) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            if (asciiOnly) {
                g.enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
            }
            mapper.writeTree(g, node);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sameBytesAsAPlainObjectNode() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        RecordNode row = row();
        assertEquals(write(mapper, plain(row), false), write(mapper, row, false));
        assertEquals(mapper.writeValueAsString(plain(row)), mapper.writeValueAsString(row));
        assertEquals(plain(row), row);
        assertTrue(write(mapper, row, false).contains("\"amount\":12345678901234567890.0000000001"));
    }

    @Test
    void changesAfterBuildingAndSpecialSettingsTakeTheOrdinaryPath() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        RecordNode row = row();
        row.put("price", "changed");
        row.remove("id");
        row.put("added", 1);
        assertEquals(write(mapper, plain(row), false), write(mapper, row, false));
        assertEquals(write(mapper, plain(row()), true), write(mapper, row(), true));
        for (ObjectMapper special : List.of(
                new ObjectMapper().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature()),
                new ObjectMapper().configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_NULL_PROPERTIES, false),
                new ObjectMapper().configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED, true))) {
            assertEquals(write(special, plain(row()), false), write(special, row(), false));
        }
    }
}
