package io.solidafy.cdk.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes protocol messages to stdout: one JSON object per line (or indented, for {@code pretty}),
 * {@code type} first. Output is buffered by the caller's stream and flushed only by {@link #flush()},
 * never per record.
 *
 * <p>Every message except RECORD passes through the {@link SecretMasker}; RECORD data is the API's
 * own object and is written unchanged. Thread-safe: concurrent streams share one writer.
 */
public final class ProtocolWriter implements AutoCloseable {

    private final JsonGenerator generator;
    private final ObjectMapper mapper;
    /** Writes record data without the per-value flush of {@code ObjectMapper.writeTree}: a system call per record. */
    private final ObjectWriter records;
    private volatile SecretMasker masker;
    private volatile LogLevel minimumLevel;
    /** The first write failure (e.g. the reader closed the pipe); nothing is written after it. */
    private IOException failure;
    /** What a closed stdout means for the running command; a sync says what became of its state. */
    private String consequenceOfClosedOutput = "so the command stopped.";
    /** What the output is, as a failure names it: stdout for the CLI, the response for the server. */
    private final String outputName;

    /** Messages to the process's standard output. */
    public ProtocolWriter(OutputStream out, ObjectMapper mapper, boolean pretty) {
        this(out, mapper, pretty, "Standard output");
    }

    /** @param outputName how an error about {@code out} names it, e.g. {@code "The HTTP response"} */
    public ProtocolWriter(OutputStream out, ObjectMapper mapper, boolean pretty, String outputName) {
        this.outputName = outputName;
        this.mapper = mapper;
        this.records = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        this.masker = SecretMasker.none();
        this.minimumLevel = LogLevel.DEBUG;
        try {
            this.generator = mapper.getFactory().createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setRootValueSeparator(null);
        if (pretty) {
            // no root separator: every message starts at the beginning of its line, like in json
            generator.setPrettyPrinter(new DefaultPrettyPrinter().withRootSeparator((String) null));
        }
    }

    public void setMasker(SecretMasker masker) {
        this.masker = masker;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** LOG messages below this level are not written. */
    public void setMinimumLevel(LogLevel level) {
        this.minimumLevel = level;
    }

    public void log(LogLevel level, String message) {
        if (level.compareTo(minimumLevel) < 0) {
            return;
        }
        ObjectNode log = mapper.createObjectNode();
        log.put("level", level.name());
        log.put("message", message);
        write("LOG", "log", log);
    }

    /** {@code {"type":"RECORD","record":{"stream":..,"data":..,"emitted_at":..}}}, data unmasked. */
    public synchronized void record(String stream, JsonNode data, long emittedAt) {
        checkUsable();
        try {
            generator.writeStartObject();
            generator.writeStringField("type", "RECORD");
            generator.writeFieldName("record");
            generator.writeStartObject();
            generator.writeStringField("stream", stream);
            generator.writeFieldName("data");
            records.writeValue(generator, data);
            generator.writeNumberField("emitted_at", emittedAt);
            generator.writeEndObject();
            generator.writeEndObject();
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** The per-stream STATE message of the guide. */
    public void streamState(String stream, JsonNode streamState) {
        ObjectNode state = mapper.createObjectNode();
        state.put("type", "STREAM");
        ObjectNode body = state.putObject("stream");
        body.putObject("stream_descriptor").put("name", stream);
        body.set("stream_state", streamState.deepCopy());
        write("STATE", "state", state);
    }

    /** The final (global) STATE message: {@code {"streams":{...}}}. */
    public void globalState(ObjectNode streams) {
        ObjectNode state = mapper.createObjectNode();
        state.set("streams", streams.deepCopy());
        write("STATE", "state", state);
    }

    /**
     * Writes {@code {"type": type, key: body}} with secrets masked. The body is copied, so callers
     * may keep using it.
     */
    public void write(String type, String key, JsonNode body) {
        ObjectNode message = mapper.createObjectNode();
        message.put("type", type);
        message.set(key, masker.mask(body.deepCopy()));
        writeMessage(message);
    }

    /** Writes a message whose fields sit beside {@code type} (STREAMS, CONNECTORS), masked. */
    public void writeFlat(String type, ObjectNode fields) {
        ObjectNode message = mapper.createObjectNode();
        message.put("type", type);
        message.setAll((ObjectNode) masker.mask(fields.deepCopy()));
        writeMessage(message);
    }

    private synchronized void writeMessage(ObjectNode message) {
        checkUsable();
        try {
            mapper.writeTree(generator, message);
            generator.writeRaw('\n');
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Hands everything written so far to the output (at checkpoints and at the end). */
    public synchronized void flush() {
        checkUsable();
        try {
            generator.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** True once a write failed: the reader is gone and nothing more can be told on stdout. */
    public synchronized boolean broken() {
        return failure != null;
    }

    /** Throws the closed-output error once a write failed; does nothing before. */
    public synchronized void checkUsable() {
        if (failure != null) {
            throw closedOutput();
        }
    }

    private ConnectorException failed(IOException e) {
        failure = e;
        return closedOutput();
    }

    /** Sets the end of the sentence that reports a closed stdout, e.g. "so the sync stopped; ...". */
    public synchronized void consequenceOfClosedOutput(String consequence) {
        consequenceOfClosedOutput = consequence;
    }

    private ConnectorException closedOutput() {
        return new ConnectorException(outputName + " cannot be written (" + failure.getMessage() + "), " + consequenceOfClosedOutput);
    }

    @Override
    public void close() {
        flush();
    }
}
