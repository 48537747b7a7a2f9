package io.solidafy.cdk.parquet.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.Random;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.api.Test;

/** What the encoder writes, Parquet's own decoder reads back, for runs, noise and their mixes at every bit width. */
class HybridEncoderTest {

    @Test
    void parquetsDecoderReadsBackEveryValue() throws Exception {
        Random random = new Random(42);
        for (int width = 0; width <= 24; width++) {
            int bound = width == 0 ? 1 : 1 << width;
            for (int shape = 0; shape < 4; shape++) {
                int count = 1 + random.nextInt(3000);
                int[] values = new int[count];
                for (int i = 0; i < count; i++) {
                    values[i] = switch (shape) {
                        case 0 -> bound - 1; // one long run: a single RLE run
                        case 1 -> random.nextInt(bound); // noise: bit-packed groups, the last one padded
                        case 2 -> (i / (1 + random.nextInt(12))) % bound; // runs around the RLE threshold
                        default -> i % 50 < 30 ? 0 : random.nextInt(bound); // runs between packed stretches
                    };
                }
                PageBytes out = new PageBytes(16);
                HybridEncoder.encode(values, count, width, out);
                RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(width,
                        new ByteArrayInputStream(out.toByteArray()));
                for (int i = 0; i < count; i++) {
                    assertEquals(values[i], decoder.readInt(), "width " + width + ", shape " + shape + ", value " + i + " of " + count);
                }
            }
        }
    }

    @Test
    void bitWidthsAreThoseOfTheLargestValue() {
        assertEquals(0, HybridEncoder.bitWidth(0));
        assertEquals(1, HybridEncoder.bitWidth(1));
        assertEquals(2, HybridEncoder.bitWidth(3));
        assertEquals(3, HybridEncoder.bitWidth(4));
        assertEquals(31, HybridEncoder.bitWidth(Integer.MAX_VALUE));
    }
}
