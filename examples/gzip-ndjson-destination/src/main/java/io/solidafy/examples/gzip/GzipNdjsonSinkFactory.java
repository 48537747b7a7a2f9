package io.solidafy.examples.gzip;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.util.List;

/** Opens {@link GzipNdjsonSink}s. Stateless, so thread-safe. */
final class GzipNdjsonSinkFactory implements SinkFactory {

    @Override
    public List<String> formats() {
        return List.of("ndjson-gzip");
    }

    @Override
    public Sink open(SinkRequest request) {
        ObjectStorage storage = request.storage().orElseThrow(() -> new ConnectorException("--format ndjson-gzip writes files: give --output DIR or URL."));
        int level = request.options().path("level").asInt(6);
        if (level < 1 || level > 9) {
            throw new ConnectorException("--sink-option level must be a gzip level from 1 to 9, not " + request.options().path("level").asText() + ".");
        }
        return new GzipNdjsonSink(storage, request.startedAt(), level);
    }
}
