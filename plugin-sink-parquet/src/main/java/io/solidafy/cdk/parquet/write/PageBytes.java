package io.solidafy.cdk.parquet.write;

import java.util.Arrays;

/** A growable byte array that values are encoded onto, little-endian as Parquet stores them. Reused page after page. */
final class PageBytes {

    private byte[] bytes;
    private int size;

    PageBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The backing array: valid up to {@link #size()}, and only until the next write. */
    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void writeIntLE(int v) {
        ensure(4);
        setIntLE(size, v);
        size += 4;
    }

    void writeLongLE(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size + i] = (byte) (v >>> (8 * i));
        }
        size += 8;
    }

    void write(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    /** ULEB128, the varint of the RLE/bit-packing hybrid's run headers. */
    void writeVarInt(int v) {
        while ((v & ~0x7F) != 0) {
            writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        writeByte(v);
    }

    /** Overwrites four bytes written earlier (a length prefix once the length is known). */
    void setIntLE(int at, int v) {
        bytes[at] = (byte) v;
        bytes[at + 1] = (byte) (v >>> 8);
        bytes[at + 2] = (byte) (v >>> 16);
        bytes[at + 3] = (byte) (v >>> 24);
    }

    /** The four bytes at {@code at} as a little-endian int. */
    int intLE(int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | (bytes[at + 3] & 0xFF) << 24;
    }

    /** A copy of the bytes written. */
    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
