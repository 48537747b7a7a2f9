package io.solidafy.examples.files;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.CursorOrder;
import io.solidafy.cdk.spi.source.ConnectionStatus;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder whose sub-folders are streams. A stream's records are the rows of its {@code *.csv} files
 * (header row = field names) and the lines of its {@code *.ndjson}/{@code *.jsonl} files, each with
 * {@code _file} and {@code _modified_at}. Files are read oldest first; a checkpoint after each file
 * saves its modification time, and the next run reads only files modified after it.
 *
 * <p>Thread-safe: {@link #read} keeps its state on the stack, so streams may be read concurrently.
 */
final class FolderSource implements Source {

    static final String FILE = "_file";
    static final String MODIFIED_AT = "_modified_at";

    private final Path folder;

    FolderSource(Path folder) {
        this.folder = folder;
    }

    @Override
    public ConnectionStatus check() {
        if (!Files.isDirectory(folder)) {
            return ConnectionStatus.failed("Folder " + folder + " does not exist or is not a folder.");
        }
        return ConnectionStatus.succeeded("Found " + streams().size() + " streams in " + folder + ".");
    }

    @Override
    public List<StreamDescriptor> streams() {
        if (!Files.isDirectory(folder)) {
            throw new ConnectorException("Folder " + folder + " does not exist; set config field 'path' to an existing folder.");
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .map(FolderSource::descriptor)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StreamDescriptor descriptor(String name) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject(FILE).put("type", "string");
        properties.putObject(MODIFIED_AT).put("type", "string").put("format", "date-time");
        schema.putArray("required").add(FILE).add(MODIFIED_AT);
        schema.put("additionalProperties", true);
        return new StreamDescriptor(name, Optional.of(schema), List.of(MODIFIED_AT), List.of(List.of(FILE)), true);
    }

    @Override
    public void read(StreamReadRequest request, Emitter emitter) throws IOException {
        Optional<Instant> after = request.cursor().map(c -> CursorOrder.instant(c.asText()));
        for (DataFile file : DataFile.list(folder.resolve(request.stream().name()))) {
            if (after.isPresent() && !file.modifiedAt().isAfter(after.get())) {
                continue; // read by an earlier run
            }
            if (!file.emitRecords(emitter)) {
                return; // the runtime wants no more
            }
            emitter.checkpoint(JsonNodeFactory.instance.objectNode().put("cursor", file.modifiedAt().toString()));
        }
    }
}
