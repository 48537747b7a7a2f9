package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The output of a command as the server sees it when it answers with one JSON document: the
 * protocol lines the command wrote, parsed one by one. Keeps the RECORDs (up to a limit, past which
 * {@code onOverflow} runs once and later records are dropped), the last STATE, the last other message.
 */
final class MessageCollector extends OutputStream {

    private final ObjectMapper mapper;
    private final long maxRecords;
    private final Runnable onOverflow;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ArrayNode records;
    private long recordCount;
    private JsonNode lastState;
    private JsonNode lastMessage;

    MessageCollector(ObjectMapper mapper, long maxRecords, Runnable onOverflow) {
        this.mapper = mapper;
        this.maxRecords = maxRecords;
        this.onOverflow = onOverflow;
        this.records = mapper.createArrayNode();
    }

    /** For commands that write no records. */
    MessageCollector(ObjectMapper mapper) {
        this(mapper, 0, () -> {});
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (b == '\n') {
            accept();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                accept();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    private void accept() throws IOException {
        if (line.size() == 0) {
            return;
        }
        JsonNode message = mapper.readTree(line.toByteArray());
        line.reset();
        switch (message.path("type").asText()) {
            case "RECORD" -> {
                recordCount++;
                if (recordCount <= maxRecords) {
                    records.add(message.get("record"));
                } else if (recordCount == maxRecords + 1) {
                    onOverflow.run();
                }
            }
            case "STATE" -> lastState = message.get("state");
            case "LOG" -> { }
            default -> lastMessage = message;
        }
    }

    synchronized boolean overflowed() {
        return recordCount > maxRecords;
    }

    synchronized ArrayNode records() {
        return records;
    }

    /** The last STATE's {@code state}: after a sync, the final one holding every stream. */
    synchronized Optional<JsonNode> lastState() {
        return Optional.ofNullable(lastState);
    }

    /** The last message that is neither RECORD, STATE nor LOG: the command's answer. */
    synchronized Optional<JsonNode> answer() {
        return Optional.ofNullable(lastMessage);
    }
}
