package io.solidafy.cdk.parquet.write;

/**
 * Takes one leaf column's values with their repetition level {@code r} and definition level
 * {@code d}, in order: what {@link LeafTape} replays. Byte strings come as a range of an array that
 * the writer must copy what it keeps of.
 */
interface LeafWriter {

    void writeNull(int r, int d);

    void write(long value, int r, int d);

    void write(double value, int r, int d);

    void write(boolean value, int r, int d);

    void write(byte[] data, int offset, int length, int r, int d);
}
