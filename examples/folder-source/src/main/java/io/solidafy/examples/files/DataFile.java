package io.solidafy.examples.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.source.Emitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One CSV or NDJSON file of a stream's folder, read record by record (never whole into memory). */
record DataFile(Path path, Instant modifiedAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();

    /** The data files of a folder, oldest first (then by name), so cursors grow as files are read. */
    static List<DataFile> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> isCsv(f) || isJsonLines(f))
                    .map(f -> new DataFile(f, modified(f)))
                    .sorted(Comparator.comparing(DataFile::modifiedAt).thenComparing(d -> d.path().getFileName().toString()))
                    .toList();
        }
    }

    /** Emits every record; false when the emitter asked to stop. */
    boolean emitRecords(Emitter emitter) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return isCsv(path) ? emitCsv(reader, emitter) : emitJsonLines(reader, emitter);
        }
    }

    private boolean emitCsv(BufferedReader reader, Emitter emitter) throws IOException {
        try (CSVParser parser = CSV.parse(reader)) {
            for (CSVRecord row : parser) {
                ObjectNode record = MAPPER.createObjectNode();
                for (Map.Entry<String, String> cell : row.toMap().entrySet()) {
                    record.put(cell.getKey(), cell.getValue());
                }
                if (!emitter.record(withOrigin(record))) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean emitJsonLines(BufferedReader reader, Emitter emitter) throws IOException {
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = MAPPER.readTree(line);
            if (!(node instanceof ObjectNode record)) {
                throw new ConnectorException(path + " line " + lineNumber + " is not a JSON object.");
            }
            if (!emitter.record(withOrigin(record))) {
                return false;
            }
        }
        return true;
    }

    private ObjectNode withOrigin(ObjectNode record) {
        return record.put(FolderSource.FILE, path.getFileName().toString()).put(FolderSource.MODIFIED_AT, modifiedAt.toString());
    }

    private static boolean isCsv(Path file) {
        return file.getFileName().toString().endsWith(".csv");
    }

    private static boolean isJsonLines(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new ConnectorException("Cannot read the modification time of " + file + ": " + e.getMessage());
        }
    }
}
