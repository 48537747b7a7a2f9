package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solidafy.cdk.database.types.JsonBuffer;
import io.solidafy.cdk.database.types.ValueEncoders;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Writes a node a column reader gave into a record's buffer as Jackson's default generator does:
 * scalars directly, containers through a generator over the same buffer. One per encoder.
 */
final class NodeWriter {

    private final JsonBuffer buffer;
    private final ObjectMapper mapper;
    private JsonGenerator generator;

    NodeWriter(JsonBuffer buffer, ObjectMapper mapper) {
        this.buffer = buffer;
        this.mapper = mapper;
    }

    /**
     * Writes a value that a reader gave as a node (instead of encoding it) and keeps the node for
     * the record's tree: returns {@code kept}, made with room for {@code columns} on first use.
     */
    JsonNode[] writeKept(JsonNode node, JsonNode[] kept, int index, int columns) {
        JsonNode[] nodes = kept != null ? kept : new JsonNode[columns];
        nodes[index] = node;
        write(node);
        return nodes;
    }

    void write(JsonNode node) {
        if (node instanceof TextNode) {
            buffer.quote(node.textValue());
        } else if (node instanceof LongNode || node instanceof IntNode) {
            buffer.number(node.longValue());
        } else if (node instanceof NullNode) {
            buffer.write(ValueEncoders.NULL);
        } else if (node instanceof BooleanNode) {
            buffer.ascii(node.booleanValue() ? "true" : "false");
        } else if (node instanceof DecimalNode || node instanceof BigIntegerNode) {
            buffer.ascii(node.numberValue().toString());
        } else if (node instanceof DoubleNode && Double.isFinite(node.doubleValue())) {
            buffer.ascii(Double.toString(node.doubleValue()));
        } else {
            writeWithJackson(node);
        }
    }

    private void writeWithJackson(JsonNode node) {
        try {
            if (generator == null) {
                generator = mapper.getFactory().createGenerator(new OutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write((byte) b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        buffer.write(bytes, offset, offset + length);
                    }
                });
                generator.setRootValueSeparator(null);
            }
            mapper.writeTree(generator, node);
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writes to memory only
        }
    }
}
