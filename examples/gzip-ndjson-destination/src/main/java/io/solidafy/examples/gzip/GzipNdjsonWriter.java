package io.solidafy.examples.gzip;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Streams one stream's records as gzip-compressed JSON lines into a staged file: memory stays at the
 * buffer sizes however many records pass. Used by one thread at a time.
 */
final class GzipNdjsonWriter implements StreamWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectStorage storage;
    private final String key;
    private final Path staged;
    private final JsonGenerator json;

    GzipNdjsonWriter(ObjectStorage storage, String key, int level) throws IOException {
        this.storage = storage;
        this.key = key;
        this.staged = storage.stage(key);
        OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(staged), 1 << 16) {
            {
                def.setLevel(level);
            }
        };
        this.json = MAPPER.getFactory().createGenerator(new BufferedOutputStream(gzip, 1 << 16), JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(ObjectNode record, long emittedAt) throws IOException {
        MAPPER.writeTree(json, record);
        json.writeRaw('\n');
    }

    @Override
    public List<String> commit() throws IOException {
        json.close(); // finishes the gzip trailer
        return List.of(storage.publish(staged, key));
    }

    @Override
    public void abort() {
        try {
            json.close();
        } catch (IOException e) {
            // the staged file is discarded anyway
        }
        storage.discard(staged);
    }
}
