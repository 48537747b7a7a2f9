package io.solidafy.examples.gzip;

import io.solidafy.cdk.spi.Plugin;
import io.solidafy.cdk.spi.sink.SinkFactory;
import java.util.List;

/** Adds the {@code ndjson-gzip} output format ({@code --format ndjson-gzip --output DIR|URL}). */
public final class GzipNdjsonPlugin implements Plugin {

    @Override
    public String name() {
        return "gzip-ndjson-destination";
    }

    @Override
    public List<SinkFactory> sinks() {
        return List.of(new GzipNdjsonSinkFactory());
    }
}
