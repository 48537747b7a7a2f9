package io.solidafy.cdk.parquet.write;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How part files are encoded.
 *
 * @param codec        page compression
 * @param zstdLevel    zstd level (ignored by other codecs)
 * @param rowGroupSize bytes buffered per row group before it is flushed: the main memory bound
 * @param pageSize     target bytes per page
 */
public record WriterSettings(CompressionCodecName codec, int zstdLevel, long rowGroupSize, int pageSize) {}
