package io.solidafy.cdk.parquet;

import io.solidafy.cdk.spi.Plugin;

/** Parquet sink (filled in by the Parquet issue). */
public final class ParquetPlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-sink-parquet";
    }
}
