package io.solidafy.cdk.parquet;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.util.List;

/**
 * Format {@code parquet}: Hive-partitioned part files {@code <stream>/dt=<date>/part-*.parquet},
 * each published atomically into the run's storage (local directory or object store).
 */
public final class ParquetSinkFactory implements SinkFactory {

    @Override
    public List<String> formats() {
        return List.of("parquet");
    }

    @Override
    public Sink open(SinkRequest request) {
        ParquetOptions options = ParquetOptions.parse(request.options());
        ObjectStorage storage = request.storage().orElseThrow(() -> new ConnectorException(
                "--format parquet writes files: add --output DIR (or an s3://, r2://, gs://, az:// URL)."));
        return new ParquetSink(request, storage, options);
    }
}
