package io.solidafy.cdk.parquet.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Records already shredded down to leaf values: per value its column, repetition and definition
 * level, in flat arrays. The thread that reads the source records onto it ({@link Shredder}), the
 * encoder thread replays it straight into the column encoders ({@link LeafWriter}), a batch of
 * records at a time.
 *
 * <p>Why leaf values and not record-consumer calls: replaying start/end field and group calls
 * through Parquet's record layer (MessageColumnIO) cost the encoder thread as much as the column
 * writers themselves, and recorded twice as many entries. One tape is written by one thread, then
 * read by one other thread.
 */
public final class LeafTape {

    private static final byte NULL = 0;
    private static final byte LONG = 1;
    private static final byte DOUBLE = 2;
    private static final byte BOOLEAN = 3;
    private static final byte BINARY = 4;

    private byte[] kinds;
    /** Per value: column index << 32 | repetition level << 16 | definition level. */
    private long[] places;
    /** Per value: the value, its bits, or (offset << 32 | length) of a binary. */
    private long[] values;
    private int count;
    private byte[] data;
    private int dataCount;
    /** Per record: where its values end. */
    private int[] ends = new int[64];
    private int records;
    private int recordStart;
    private int recordDataStart;
    /** Scratch of {@link #replayByColumn}: where each column's values start, and value positions by column. */
    private int[] columnStarts = new int[0];
    private int[] order = new int[0];

    /** @param sizeHint bytes of payload expected, to avoid regrowing */
    public LeafTape(int sizeHint) {
        int slots = Math.max(64, sizeHint / 16);
        kinds = new byte[slots];
        places = new long[slots];
        values = new long[slots];
        data = new byte[Math.max(1024, sizeHint)];
    }

    /** Starts the next record. */
    public void begin() {
        recordStart = count;
        recordDataStart = dataCount;
    }

    /** Ends the record begun by {@link #begin()}. */
    public void end() {
        if (records == ends.length) {
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
        ends[records++] = count;
    }

    /** Drops the record begun by {@link #begin()} (it did not fit). */
    public void abandon() {
        count = recordStart;
        dataCount = recordDataStart;
    }

    /** Where the tape ends now, for {@link #rewind}. */
    long mark() {
        return ((long) count << 32) | dataCount;
    }

    /** Drops every value added since {@code mark} was taken. */
    void rewind(long mark) {
        count = (int) (mark >>> 32);
        dataCount = (int) mark;
    }

    /** Empties the tape for reuse. */
    public void clear() {
        count = 0;
        dataCount = 0;
        records = 0;
    }

    /** Records on this tape. */
    public int records() {
        return records;
    }

    /** Payload bytes held, to bound a tape's size. */
    public int bytes() {
        return dataCount + 17 * count;
    }

    void addNull(int column, int r, int d) {
        slot(NULL, column, r, d, 0);
    }

    void addLong(int column, int r, int d, long value) {
        slot(LONG, column, r, d, value);
    }

    void addDouble(int column, int r, int d, double value) {
        slot(DOUBLE, column, r, d, Double.doubleToRawLongBits(value));
    }

    void addBoolean(int column, int r, int d, boolean value) {
        slot(BOOLEAN, column, r, d, value ? 1 : 0);
    }

    /** Adds text as UTF-8; ASCII (nearly all ids, names, dates) is copied without an intermediate array. */
    void addString(int column, int r, int d, String value) {
        int length = value.length();
        ensureData(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                addBytes(column, r, d, value.getBytes(StandardCharsets.UTF_8));
                return;
            }
            data[dataCount + i] = (byte) c;
        }
        slot(BINARY, column, r, d, ((long) dataCount << 32) | length);
        dataCount += length;
    }

    private void addBytes(int column, int r, int d, byte[] bytes) {
        addBytes(column, r, d, bytes, 0, bytes.length);
    }

    /** Adds {@code length} bytes of UTF-8 text from {@code source} at {@code offset}. */
    void addBytes(int column, int r, int d, byte[] source, int offset, int length) {
        ensureData(length);
        System.arraycopy(source, offset, data, dataCount, length);
        slot(BINARY, column, r, d, ((long) dataCount << 32) | length);
        dataCount += length;
    }

    private void ensureData(int length) {
        if (dataCount + length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, dataCount + length));
        }
    }

    private void slot(byte kind, int column, int r, int d, long value) {
        if (count == kinds.length) {
            int grown = kinds.length * 2;
            kinds = Arrays.copyOf(kinds, grown);
            places = Arrays.copyOf(places, grown);
            values = Arrays.copyOf(values, grown);
        }
        kinds[count] = kind;
        places[count] = ((long) column << 32) | ((long) r << 16) | d;
        values[count] = value;
        count++;
    }

    /**
     * Writes records {@code from} (inclusive) to {@code to} (exclusive) into {@code writers}
     * (indexed like the schema's leaf columns), record after record.
     */
    public void replay(int from, int to, LeafWriter[] writers) {
        for (int i = from == 0 ? 0 : ends[from - 1], end = ends[to - 1]; i < end; i++) {
            long place = places[i];
            write(writers[(int) (place >>> 32)], kinds[i], (int) (place >>> 16) & 0xFFFF, (int) place & 0xFFFF, values[i]);
        }
    }

    /**
     * Writes records {@code from} (inclusive) to {@code to} (exclusive) into {@code writers}
     * (indexed like the schema's leaf columns) column by column: every value of the first column in
     * record order, then the second column's, and so on, which keeps one column's encoder state in
     * the CPU caches at a time. Each column receives exactly what record-by-record writing gives it.
     */
    public void replayByColumn(int from, int to, LeafWriter[] writers) {
        int start = from == 0 ? 0 : ends[from - 1];
        int end = ends[to - 1];
        int columns = writers.length;
        // Counting sort of the value positions by column, stable, so each column keeps record order.
        if (columnStarts.length < columns + 1) {
            columnStarts = new int[columns + 1];
        }
        Arrays.fill(columnStarts, 0, columns + 1, 0);
        for (int i = start; i < end; i++) {
            columnStarts[column(i) + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            columnStarts[c + 1] += columnStarts[c];
        }
        if (order.length < end - start) {
            order = new int[Math.max(end - start, order.length * 2)];
        }
        for (int i = start; i < end; i++) {
            order[columnStarts[column(i)]++] = i; // columnStarts[c] ends as column c's end
        }
        for (int k = 0, n = end - start; k < n; k++) {
            int i = order[k];
            long place = places[i];
            write(writers[(int) (place >>> 32)], kinds[i], (int) (place >>> 16) & 0xFFFF, (int) place & 0xFFFF, values[i]);
        }
    }

    private int column(int value) {
        return (int) (places[value] >>> 32);
    }

    private void write(LeafWriter w, byte kind, int r, int d, long v) {
        switch (kind) {
            case NULL -> w.writeNull(r, d);
            case LONG -> w.write(v, r, d);
            case DOUBLE -> w.write(Double.longBitsToDouble(v), r, d);
            case BOOLEAN -> w.write(v != 0, r, d);
            case BINARY -> w.write(data, (int) (v >>> 32), (int) v, r, d);
            default -> throw new IllegalStateException("corrupt leaf tape");
        }
    }
}
