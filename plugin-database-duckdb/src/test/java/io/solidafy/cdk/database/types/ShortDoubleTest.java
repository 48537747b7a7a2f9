package io.solidafy.cdk.database.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A {@code double precision} value's text written without parsing it gives exactly what
 * {@link Double#toString} gives for the parsed value, and every text outside the short plain form
 * is left to the parser.
 */
class ShortDoubleTest {

    /** What the fast path wrote for {@code text}, or null when it declined. */
    private static String written(String text) {
        JsonBuffer out = new JsonBuffer(32);
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (!TextValueEncoders.writeShortDouble(bytes, 0, bytes.length, out)) {
            assertEquals(0, out.size(), "nothing written when declining " + text);
            return null;
        }
        return new String(out.copyFrom(0), StandardCharsets.US_ASCII);
    }

    @Test
    void shortPlainTextsAreWrittenAsJavaWritesTheirDouble() {
        for (String text : List.of("0", "-0", "250", "250.25", "-1.5", "0.5", "100.0", "1.50", "0.000", "0.001", "-0.001",
                "9999999.5", "1234567.89012345", "0.3", "42.000000", "7")) {
            assertEquals(Double.toString(Double.parseDouble(text)), written(text), text);
        }
    }

    @Test
    void everythingElseIsLeftToTheParser() {
        for (String text : List.of("10000000", "0.0009", "0.0001", "1e+20", "1e-05", "NaN", "Infinity", "-Infinity",
                "0.30000000000000004", "1234567.890123456", "123456789012345", "00.5", "1.", ".5", "-", "", "1.2.3", "+1")) {
            assertNull(written(text), text);
        }
    }

    @Test
    void randomDecimalsOfUpToFifteenDigitsMatchDoubleToString() {
        SplittableRandom random = new SplittableRandom(20261201);
        int taken = 0;
        for (int n = 0; n < 1_000_000; n++) {
            int digits = 1 + random.nextInt(15);
            long unscaled = random.nextLong((long) Math.pow(10, digits - 1), (long) Math.pow(10, digits));
            String text = BigDecimal.valueOf(random.nextBoolean() ? unscaled : -unscaled, random.nextInt(digits + 4)).toPlainString();
            String written = written(text);
            if (written != null) {
                assertEquals(Double.toString(Double.parseDouble(text)), written, text);
                taken++;
            }
        }
        assertTrue(taken > 500_000, "most of these texts take the fast path: " + taken);
    }
}
