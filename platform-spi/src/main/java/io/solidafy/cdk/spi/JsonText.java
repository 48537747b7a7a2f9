package io.solidafy.cdk.spi;

/**
 * Implemented by a record node that also holds its own JSON text, because its source wrote the text
 * first (a database row encoded straight from its column values, a line of an NDJSON file). A sink
 * that can work from the text (copying it into JSON lines, shredding it into Parquet columns) may
 * use it instead of walking the tree; to everyone else the record is an ordinary {@code ObjectNode},
 * whose tree the implementation may build only when asked.
 */
public interface JsonText {

    /**
     * The record as compact UTF-8 JSON text: the same fields in the same order with the same values
     * as the node, or null when the text no longer says what the node holds (its tree was handed out
     * and may have been changed). The array is shared: read it, never change it.
     */
    byte[] jsonText();
}
