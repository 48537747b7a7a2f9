package io.solidafy.cdk.sample.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.sample.SampleBench;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;

/**
 * Baseline for bench/sample-throughput.sh (not a test): generates the same sample records and writes
 * them with a bare Jackson generator to /dev/null, without the runtime. Prints records/s.
 */
public final class BareJacksonLoop {

    private BareJacksonLoop() {}

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        ObjectMapper mapper = new ObjectMapper();
        // as the runtime does: no flush (a system call) per record, which ObjectMapper.writeTree would do
        ObjectWriter records = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream("/dev/null"), 1 << 16);
                JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            generator.setRootValueSeparator(null);
            for (long i = 0; i < count; i++) {
                ObjectNode record = SampleBench.customer(i, 42);
                generator.writeStartObject();
                generator.writeStringField("type", "RECORD");
                generator.writeFieldName("record");
                generator.writeStartObject();
                generator.writeStringField("stream", "customers");
                generator.writeFieldName("data");
                records.writeValue(generator, record);
                generator.writeNumberField("emitted_at", System.currentTimeMillis());
                generator.writeEndObject();
                generator.writeEndObject();
                generator.writeRaw('\n');
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bare Jackson loop: %d records in %.2f s = %.0f records/s%n", count, seconds, count / seconds);
    }
}
