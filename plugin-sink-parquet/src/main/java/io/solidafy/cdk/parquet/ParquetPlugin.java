package io.solidafy.cdk.parquet;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.sink.SinkFactory;
import java.util.List;

/** The Parquet sink plugin: contributes the {@code parquet} output format. */
public final class ParquetPlugin implements Plugin {

    @Override
    public String name() {
        return "plugin-sink-parquet";
    }

    @Override
    public List<SinkFactory> sinks() {
        return List.of(new ParquetSinkFactory());
    }
}
