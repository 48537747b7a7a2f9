package io.solidafy.cdk.sample;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The three sample streams. Record {@code i} of a stream depends only on the seed and {@code i},
 * and its {@code updated_at} grows with {@code i}, so a run can start at any cursor without
 * generating what comes before.
 */
enum SampleStream {
    CUSTOMERS("customers", SampleRecords::customer, SampleSchemas.customers()),
    ORDERS("orders", SampleRecords::order, SampleSchemas.orders()),
    PRODUCTS("products", SampleRecords::product, SampleSchemas.products());

    /** {@code updated_at} of record i is {@code EPOCH + (i + 1) * STEP_SECONDS}. */
    static final long EPOCH_SECONDS = 1_704_067_200L; // 2024-01-01T00:00:00Z
    static final long STEP_SECONDS = 60;
    static final String CURSOR_FIELD = "updated_at";

    private final String streamName;
    private final Generator generator;
    private final ObjectNode schema;

    SampleStream(String streamName, Generator generator, ObjectNode schema) {
        this.streamName = streamName;
        this.generator = generator;
        this.schema = schema;
    }

    /** Builds record {@code index}; {@code random} is seeded for that index only. */
    @FunctionalInterface
    interface Generator {
        ObjectNode generate(long index, SplittableRandom random, JsonNodeFactory nodes);
    }

    String streamName() {
        return streamName;
    }

    ObjectNode generate(long index, long seed) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + ordinal());
        return generator.generate(index, random, JsonNodeFactory.instance);
    }

    StreamDescriptor descriptor(boolean withSchema) {
        return new StreamDescriptor(streamName, withSchema ? Optional.of(schema.deepCopy()) : Optional.empty(),
                List.of(CURSOR_FIELD), List.of(List.of("id")), true);
    }

    static long updatedAtSeconds(long index) {
        return EPOCH_SECONDS + (index + 1) * STEP_SECONDS;
    }

    static Optional<SampleStream> named(String name) {
        return Arrays.stream(values()).filter(s -> s.streamName.equals(name)).findFirst();
    }

    static List<String> names() {
        return Arrays.stream(values()).map(SampleStream::streamName).toList();
    }
}
