package io.solidafy.cdk.runtime.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.protocol.ProtocolWriter;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.SinkFactory;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import java.util.List;

/**
 * Formats {@code json} and {@code pretty}: records become RECORD messages on the protocol output.
 * The indentation of {@code pretty} is a property of the protocol writer itself.
 */
final class JsonSinkFactory implements SinkFactory {

    private final ProtocolWriter protocol;

    JsonSinkFactory(ProtocolWriter protocol) {
        this.protocol = protocol;
    }

    @Override
    public List<String> formats() {
        return List.of("json", "pretty");
    }

    @Override
    public boolean writesFiles() {
        return false;
    }

    @Override
    public Sink open(SinkRequest request) {
        return stream -> new RecordMessages(stream);
    }

    /** Records of one stream as RECORD messages. */
    private final class RecordMessages implements StreamWriter {
        private final String stream;

        RecordMessages(StreamDescriptor stream) {
            this.stream = stream.name();
        }

        @Override
        public void write(ObjectNode record, long emittedAt) {
            protocol.record(stream, record, emittedAt);
        }

        /** Records are durable once handed to the reader; the STATE then follows them on the same output. */
        @Override
        public boolean checkpoint() {
            protocol.flush();
            return true;
        }

        @Override
        public List<String> commit() {
            protocol.flush(); // delivered before the stream's STATE and the state file say so
            return List.of();
        }

        @Override
        public void abort() {
            // Records already written to stdout stay; the stream's STATE does not cover them.
        }
    }
}
