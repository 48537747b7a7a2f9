package io.solidafy.cdk.database.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JsonBuffer writes what Jackson's default generator writes; the byte-level helpers agree with the String ones. */
class JsonBufferTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<String> samples() {
        List<String> samples = new ArrayList<>(List.of("", "plain", "quote \" and \\ backslash", "controls \b\t\n\f\r \u0000 \u0001 \u001f \u007f",
                "héllo wörld", "€ ‰ \u2028 \u2029 \uFFFD \uFEFF", "emoji 😀 and 𝄞", "</script> / slash", "日本語テキスト"));
        Random random = new Random(42);
        int[] ranges = {0x20, 0x80, 0x800, 0x10000, 0x110000};
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                int codePoint = random.nextInt(ranges[random.nextInt(ranges.length)]);
                if (codePoint < 0xD800 || codePoint > 0xDFFF) {
                    text.appendCodePoint(codePoint);
                }
            }
            samples.add(text.toString());
        }
        return samples;
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() throws Exception {
        for (String text : samples()) {
            byte[] expected = MAPPER.writeValueAsBytes(text);
            JsonBuffer fromChars = new JsonBuffer(4);
            fromChars.quote(text);
            assertArrayEquals(expected, fromChars.copyFrom(0), text);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            JsonBuffer fromBytes = new JsonBuffer(4);
            fromBytes.write((byte) 'x');
            assertTrue(fromBytes.quoteUtf8(utf8, 0, utf8.length), text);
            assertArrayEquals(expected, fromBytes.copyFrom(1), text);
        }
    }

    @Test
    void malformedUtf8IsRefusedWithNothingWritten() {
        byte[][] malformed = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF8}, {'a', (byte) 0xC3}, {(byte) 0x80}, {(byte) 0xE2, '(', (byte) 0xA1}};
        for (byte[] bytes : malformed) {
            JsonBuffer buffer = new JsonBuffer(4);
            buffer.write((byte) '{');
            assertFalse(buffer.quoteUtf8(bytes, 0, bytes.length));
            assertEquals(1, buffer.size());
        }
    }

    @Test
    void numbersAreWrittenAsJavaWritesThem() {
        for (long value : new long[] {0, 7, -7, 10, 999, -1000, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123L}) {
            JsonBuffer buffer = new JsonBuffer(1);
            buffer.number(value);
            assertEquals(Long.toString(value), new String(buffer.copyFrom(0), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aDecimalIsPlainExactlyWhenBigDecimalWritesItsText() {
        String[] texts = {"0", "-0", "1", "-1", "12.50", "-12.50", "0.5", "-0.5", "0.00", "-0.00", "0.000000", "0.0000000", "0.000001",
                "0.0000001", "-0.000001", "-0.0000001", "100", "10000000000000000005.0000000001", "007", "1.", ".5", "1e5", "NaN",
                "Infinity", "-Infinity", "+1", "1.2.3", "", "-", "12a", "0.000100", "0.0000010"};
        for (String text : texts) {
            boolean sameText;
            try {
                sameText = new BigDecimal(text).toString().equals(text);
            } catch (NumberFormatException e) {
                sameText = false;
            }
            assertEquals(sameText, ValueEncoders.isPlainDecimal(text.getBytes(StandardCharsets.US_ASCII)), text);
        }
    }

    @Test
    void byteLevelTimestampsMatchTheTextOnes() {
        String[] texts = {"2024-12-15 10:30:00", "2024-12-15 10:30:00.123456", "2024-12-15 10:30:00.500", "2024-12-15 10:30:00.000",
                "2024-12-15T10:30:00.1", "2024-12-15 10:30:00+00", "2024-12-15 10:30:00.25+00:00", "2024-12-15 10:30:00Z",
                "2024-12-15 10:30:00+00:00:00", "2024-12-15 10:30:00+02", "2024-12-15 10:30:00-00", "0044-03-15 10:00:00 BC",
                "infinity", "-infinity", "12024-01-01 00:00:00", "2024-12-15", "2024-12-15 10:30", "2024-12-15 10:30:00.", "x"};
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(quoted(IsoTimes.fromSqlLocal(text)), written(out -> IsoTimes.quoteSqlLocal(bytes, out)), text);
            assertEquals(quoted(IsoTimes.fromSqlUtc(text)), written(out -> IsoTimes.quoteSqlUtc(bytes, out)), text);
            assertEquals(IsoTimes.isIsoDate(text), IsoTimes.isIsoDate(bytes, 0, bytes.length), text);
        }
    }

    private static String quoted(String text) {
        return text == null ? null : "\"" + text + "\"";
    }

    private static String written(java.util.function.Predicate<JsonBuffer> writer) {
        JsonBuffer out = new JsonBuffer(8);
        boolean wrote = writer.test(out);
        assertEquals(wrote, out.size() > 0);
        return wrote ? new String(out.copyFrom(0), StandardCharsets.US_ASCII) : null;
    }
}
