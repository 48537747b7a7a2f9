package io.solidafy.cdk.parquet.write;

/**
 * Parquet's RLE / bit-packing hybrid encoding of small integers (repetition and definition levels,
 * dictionary ids), a whole page's values at once: a run of at least eight equal values becomes one
 * RLE run, anything else is bit-packed eight values at a time. Encoding in bulk lets the common
 * page (one definition level throughout, no repetition) cost one scan and a three-byte run.
 */
final class HybridEncoder {

    /** A run shorter than this is cheaper bit-packed (as Parquet's own writer decides). */
    private static final int MIN_RUN = 8;

    private HybridEncoder() {}

    /** The bit width of values from 0 to {@code max}. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /** Appends {@code values[0..count)}, each below 2^{@code width}, to {@code out}. */
    static void encode(int[] values, int count, int width, PageBytes out) {
        int i = 0;
        while (i < count) {
            int run = runLength(values, i, count);
            if (run >= MIN_RUN) {
                out.writeVarInt(run << 1);
                int v = values[i];
                for (int b = 0; b < (width + 7) / 8; b++) {
                    out.writeByte(v >>> (8 * b));
                }
                i += run;
                continue;
            }
            // bit-pack groups of eight until a long enough run starts at a group boundary
            int start = i;
            do {
                i += 8;
            } while (i < count && runLength(values, i, count) < MIN_RUN);
            bitPack(values, start, Math.min(i, count), (i - start) / 8, width, out);
            i = Math.min(i, count);
        }
    }

    private static int runLength(int[] values, int from, int count) {
        int v = values[from];
        int end = from + 1;
        while (end < count && values[end] == v) {
            end++;
        }
        return end - from;
    }

    /** One bit-packed run of {@code groups} groups of eight; values past {@code end} (the last group's padding) are zero. */
    private static void bitPack(int[] values, int start, int end, int groups, int width, PageBytes out) {
        out.writeVarInt(groups << 1 | 1);
        long buffer = 0;
        int bits = 0;
        for (int i = start, last = start + groups * 8; i < last; i++) {
            long v = i < end ? values[i] & 0xFFFFFFFFL : 0;
            buffer |= v << bits;
            bits += width;
            while (bits >= 8) {
                out.writeByte((int) buffer);
                buffer >>>= 8;
                bits -= 8;
            }
        }
        // groups of eight values always fill whole bytes
    }
}
