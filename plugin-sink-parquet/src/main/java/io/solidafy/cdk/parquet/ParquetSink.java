package io.solidafy.cdk.parquet;

import io.solidafy.cdk.parquet.schema.FieldType.Struct;
import io.solidafy.cdk.parquet.schema.JsonSchemaTypes;
import io.solidafy.cdk.parquet.schema.TypeMerger;
import io.solidafy.cdk.parquet.write.WriterWarmUp;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.util.Map;

/** One run's Parquet output: a {@link ParquetStreamWriter} per stream, all sharing the run's part names. */
final class ParquetSink implements Sink {

    private final SinkRequest request;
    private final ObjectStorage storage;
    private final ParquetOptions options;
    private final PartKeys keys;

    ParquetSink(SinkRequest request, ObjectStorage storage, ParquetOptions options) {
        this.request = request;
        this.storage = storage;
        this.options = options;
        this.keys = new PartKeys(request.startedAt());
        WriterWarmUp.startOnce(options.writer());
    }

    @Override
    public StreamWriter openStream(StreamDescriptor stream) {
        TypeMerger merger = new TypeMerger(options.maxStructFields());
        Struct initial = stream.jsonSchema().map(s -> new JsonSchemaTypes(merger).recordType(s)).orElse(Struct.EMPTY);
        Map<String, String> metadata = Map.of("solidafy.stream", stream.name(), "solidafy.started_at", request.startedAt().toString());
        return new BackgroundStreamWriter(stream.name(),
                new ParquetStreamWriter(stream.name(), initial, storage, keys, options, merger, metadata, request.log()));
    }
}
