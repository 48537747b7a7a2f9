package io.solidafy.cdk.parquet.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import io.solidafy.cdk.parquet.TextRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.parquet.column.ColumnDescriptor;
import org.junit.jupiter.api.Test;

/**
 * Records given as JSON text are shredded from the text into exactly what the tree gives; text
 * the fast path does not take (escapes, fields out of order, numbers it cannot keep exactly, ...)
 * goes through the tree, with the same result.
 */
class TextShredderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> TYPING = List.of(
            "{\"id\":1,\"name\":\"a\",\"price\":1.5,\"ok\":true,\"any\":{},\"mixed\":\"x\",\"tags\":[\"t\",null],"
                    + "\"address\":{\"city\":\"Lisbon\",\"zip\":\"1000\"},\"items\":[{\"sku\":\"s\",\"q\":[1,2]}],\"grid\":[[1.5],[]]}",
            "{\"id\":2,\"mixed\":12,\"price\":3}");

    private static ParquetSchema schema() throws Exception {
        TypeMerger merger = new TypeMerger(500);
        Struct type = null;
        for (String json : TYPING) {
            Struct next = merger.recordTypeOf(MAPPER.readTree(json));
            type = type == null ? next : merger.mergeRecord(type, next);
        }
        return ParquetSchema.of(type);
    }

    @Test
    void textTheFastPathTakesGivesTheTreesValuesAndLevels() throws Exception {
        ParquetSchema schema = schema();
        List<String> taken = List.of(
                TYPING.get(0),
                "{\"id\":-0,\"price\":-0.0,\"ok\":false}",
                "{\"id\":123456789012345678,\"name\":\"Zoë 🎉\",\"price\":-12345.6789012345}",
                "{\"price\":-0,\"tags\":[],\"address\":null,\"items\":[],\"grid\":[null,[null,2],[]]}",
                "{ \"id\" : 7 ,\n \"name\": \"ws\" , \"any\" : [] , \"address\":{\"zip\":\"9\"} }",
                "{\"unknown\":null,\"id\":8,\"items\":[null,{\"q\":[]},{\"sku\":null,\"q\":null}]}",
                "{}");
        for (String json : taken) {
            assertSameAsTree(schema, json, true);
        }
    }

    @Test
    void textTheFastPathDeclinesGoesThroughTheTreeWithTheSameResult() throws Exception {
        ParquetSchema schema = schema();
        List<String> declined = List.of(
                "{\"name\":\"say \\\"hi\\\"\",\"id\":1}", // an escape
                "{\"name\":\"b\",\"id\":2}", // out of schema order
                "{\"id\":3,\"id\":4}", // a repeated field: the tree keeps the last
                "{\"id\":1234567890123456789}", // more digits than the fast path parses
                "{\"price\":1e3}", // an exponent
                "{\"price\":0.1234567890123456}", // more digits than a double keeps
                "{\"price\":1234567890123456}", // an integer beyond 15 digits in a double column
                "{\"any\":{ }}", // JSON text the tree writes in its own form
                "{\"mixed\":12}"); // a number in a string column that holds other values as their JSON text
        for (String json : declined) {
            assertSameAsTree(schema, json, false);
        }
        assertSameAsTree(schema, "{\"id\":1} ", true); // trailing whitespace is fine ...
        LeafTape tape = new LeafTape(64);
        tape.begin();
        assertFalse(schema.shredder().tryShredText("{\"id\":1}x".getBytes(StandardCharsets.UTF_8), tape), "... trailing garbage is not");
    }

    @Test
    void everyByteThatEndsOrEscapesAStringIsFoundWhereverItIs() throws Exception {
        ParquetSchema schema = schema();
        // each kind of byte at each place of strings up to 24 bytes long
        List<String> specials = List.of("\"", "\\", "\n", "\u001f", "\u007f", " ", "~", "é", "😀");
        for (int length = 1; length <= 24; length++) {
            for (int at = 0; at < length; at++) {
                for (String special : specials) {
                    String value = "a".repeat(at) + special + "b".repeat(length - at - 1);
                    String json = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("name", value));
                    assertSameAsTree(schema, json, !json.contains("\\")); // escaped: declined, the tree decides
                }
                String raw = "{\"name\":\"" + "a".repeat(at) + "\u0001" + "b".repeat(length - at - 1) + "\"}";
                LeafTape tape = new LeafTape(64);
                tape.begin();
                assertFalse(schema.shredder().tryShredText(raw.getBytes(StandardCharsets.UTF_8), tape), "a raw control character: " + raw);
            }
        }
    }

    @Test
    void bytesThatAreNotUtf8AreLeftToTheTree() throws Exception {
        ParquetSchema schema = schema();
        byte[][] notUtf8 = {
            {(byte) 0xFF}, // never in UTF-8
            {(byte) 0x80}, // a continuation byte without a lead byte
            {(byte) 0xC3}, // a sequence cut short by the quote
            {(byte) 0xC0, (byte) 0x80}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
        };
        for (byte[] bad : notUtf8) {
            for (String around : List.of("a", "abcdefghijklm")) { // in a short string and amid plain bytes
                java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
                text.writeBytes(("{\"name\":\"" + around).getBytes(StandardCharsets.US_ASCII));
                text.writeBytes(bad);
                text.writeBytes((around + "\"}").getBytes(StandardCharsets.US_ASCII));
                LeafTape tape = new LeafTape(64);
                tape.begin();
                assertFalse(schema.shredder().tryShredText(text.toByteArray(), tape), java.util.Arrays.toString(bad));
            }
        }
        // the longest well-formed sequences are taken
        assertSameAsTree(schema, "{\"name\":\"\u00df \u20ac \ud83d\ude00 \udbff\udfff\"}", true);
    }

    @Test
    void randomRecordsWithRandomSpacingShredAlikeFromTextAndTree() throws Exception {
        ParquetSchema schema = schema();
        Random random = new Random(7);
        int taken = 0;
        for (int n = 0; n < 2000; n++) {
            StringBuilder json = new StringBuilder("{");
            String[] fields = {"id", "name", "price", "ok", "any", "mixed", "tags", "address", "items", "grid"};
            String separator = "";
            for (String field : fields) {
                if (random.nextInt(4) == 0) {
                    continue; // absent
                }
                json.append(separator).append(space(random)).append('"').append(field).append('"').append(space(random)).append(':')
                        .append(space(random)).append(random.nextInt(6) == 0 ? "null" : value(field, random)).append(space(random));
                separator = ",";
            }
            json.append('}');
            taken += assertSameAsTree(schema, json.toString(), null) ? 1 : 0;
        }
        assertTrue(taken > 1000, "records the fast path took: " + taken);
    }

    private static String space(Random random) {
        return random.nextInt(5) == 0 ? " \n\t".substring(0, 1 + random.nextInt(3)) : "";
    }

    private static String value(String field, Random random) {
        return switch (field) {
            case "id" -> Long.toString(random.nextLong() >> random.nextInt(64));
            case "price" -> random.nextBoolean() ? Long.toString(random.nextInt(2_000_000) - 1_000_000)
                    : String.format(java.util.Locale.ROOT, "%." + (1 + random.nextInt(8)) + "f", (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(9)));
            case "ok" -> Boolean.toString(random.nextBoolean());
            case "any" -> random.nextBoolean() ? "{}" : "[]";
            case "mixed", "name" -> "\"" + "abcé😀".substring(0, random.nextInt(5)) + random.nextInt(100) + "\"";
            case "tags" -> "[" + (random.nextBoolean() ? "" : "\"x\"," + (random.nextBoolean() ? "null" : "\"y\"")) + "]";
            case "address" -> random.nextBoolean() ? "{}" : "{\"city\":\"C" + random.nextInt(9) + "\"" + (random.nextBoolean() ? ",\"zip\":null" : "") + "}";
            case "items" -> random.nextBoolean() ? "[]" : "[{\"sku\":\"a\",\"q\":[" + random.nextInt(9) + "," + random.nextInt(9) + "]},null,{\"q\":[]}]";
            default -> random.nextBoolean() ? "[]" : "[[" + random.nextInt(9) + ".25,null],null,[]]";
        };
    }

    /**
     * Shreds {@code json} as a plain tree and as a record with its text, checks both tapes hold the
     * same values and levels, and returns whether the fast path took the text; {@code taken}, when
     * given, is what it must answer.
     */
    private static boolean assertSameAsTree(ParquetSchema schema, String json, Boolean taken) throws Exception {
        LeafTape tree = new LeafTape(64);
        tree.begin();
        assertTrue(schema.tryShred(MAPPER.readTree(json), tree), json);
        tree.end();

        LeafTape fast = new LeafTape(64);
        fast.begin();
        boolean tookText = schema.shredder().tryShredText(json.getBytes(StandardCharsets.UTF_8), fast);
        if (taken != null) {
            assertEquals(taken, tookText, json);
        }
        LeafTape viaRecord = new LeafTape(64);
        viaRecord.begin();
        assertTrue(schema.tryShred(new TextRecord(json), viaRecord), json);
        viaRecord.end();

        assertEquals(log(schema, tree), log(schema, viaRecord), json);
        if (tookText) {
            fast.end();
            assertEquals(log(schema, tree), log(schema, fast), json);
        }
        return tookText;
    }

    private static String log(ParquetSchema schema, LeafTape tape) {
        LeafTapeTest.Log log = new LeafTapeTest.Log();
        List<ColumnDescriptor> columns = schema.message().getColumns();
        tape.replay(0, tape.records(), columns.stream().map(log::leafWriter).toArray(LeafWriter[]::new));
        return log.columns.toString();
    }
}
