package io.solidafy.cdk.parquet.write;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The distinct values of one column chunk, each given the next id, kept as the dictionary page's
 * own PLAIN bytes. Open addressing over ids, with a value's hash kept beside it: a lookup costs one
 * hash, and a comparison only when the hashes agree. Either for byte strings or for 64-bit values
 * (longs, and doubles by their bits, so -0.0 and 0.0 stay distinct, as they are).
 */
final class ValueDictionary {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The dictionary page: per value its PLAIN encoding (4-byte length and bytes, or 8 bytes). */
    private final PageBytes plain = new PageBytes(1024);
    /** Per id: where a byte string's bytes start in {@link #plain} (after the length), and its hash. */
    private int[] starts = new int[64];
    private int[] hashes = new int[64];
    private long[] longs;
    /** Per slot: id + 1, or 0 when empty. */
    private int[] slots = new int[128];
    private int size;

    private ValueDictionary(boolean binary) {
        this.longs = binary ? null : new long[64];
    }

    static ValueDictionary ofBinary() {
        return new ValueDictionary(true);
    }

    static ValueDictionary ofLongs() {
        return new ValueDictionary(false);
    }

    int size() {
        return size;
    }

    /** Bytes of the dictionary page. */
    int byteSize() {
        return plain.size();
    }

    /** The id of {@code data[offset..offset+length)}, added if new. */
    int id(byte[] data, int offset, int length) {
        int hash = hash(data, offset, length);
        byte[] bytes = plain.array();
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                int id = add(hash, slot);
                plain.writeIntLE(length);
                starts[id] = plain.size();
                plain.write(data, offset, length);
                return id;
            }
            int id = entry - 1;
            if (hashes[id] == hash && length(id) == length
                    && Arrays.equals(bytes, starts[id], starts[id] + length, data, offset, offset + length)) {
                return id;
            }
        }
    }

    /** The id of the 64-bit value {@code bits}, added if new. */
    int id(long bits) {
        int hash = mix((int) (bits ^ (bits >>> 32)));
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                int id = add(hash, slot);
                longs[id] = bits;
                plain.writeLongLE(bits);
                return id;
            }
            if (longs[entry - 1] == bits) {
                return entry - 1;
            }
        }
    }

    /** The bytes of binary value {@code id}: {@link #bytes()} from {@link #start} for {@link #length}. */
    int start(int id) {
        return starts[id];
    }

    int length(int id) {
        return plain.intLE(starts[id] - 4); // the PLAIN length before the bytes
    }

    byte[] bytes() {
        return plain.array();
    }

    /** The 64-bit value of {@code id}. */
    long bits(int id) {
        return longs[id];
    }

    /** A copy of the dictionary page's bytes. */
    byte[] page() {
        return plain.toByteArray();
    }

    private int add(int hash, int slot) {
        int id = size++;
        if (id == starts.length) {
            starts = Arrays.copyOf(starts, id * 2);
            hashes = Arrays.copyOf(hashes, id * 2);
            if (longs != null) {
                longs = Arrays.copyOf(longs, id * 2);
            }
        }
        hashes[id] = hash;
        slots[slot] = id + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        int[] grown = new int[slots.length * 2];
        int mask = grown.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hashes[id] & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = id + 1;
        }
        slots = grown;
    }

    /** A hash of the bytes, eight at a time. */
    private static int hash(byte[] data, int offset, int length) {
        long h = length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            h = h * 0x9E3779B97F4A7C15L + (long) LONGS.get(data, i);
        }
        for (; i < end; i++) {
            h = h * 31 + data[i];
        }
        return mix((int) (h ^ (h >>> 32)));
    }

    /** Spreads the bits (MurmurHash3's finaliser): lookups use the low bits. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
