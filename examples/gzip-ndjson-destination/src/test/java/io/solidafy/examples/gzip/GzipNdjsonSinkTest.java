package io.solidafy.examples.gzip;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.solidafy.cdk.testkit.CommandResult;
import io.solidafy.cdk.testkit.InProcessCli;
import io.solidafy.cdk.testkit.RecordedApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A YAML connector's records written by {@code --format ndjson-gzip} into a folder (the {@code file} storage). */
class GzipNdjsonSinkTest {

    @RegisterExtension
    static final RecordedApi API = RecordedApi.empty();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private Path connector;
    private Path output;

    @BeforeEach
    void connectorAndApi() throws IOException {
        API.server().resetMappings();
        API.server().stubFor(get(urlPathEqualTo("/items")).willReturn(okJson(
                "{\"items\":[{\"id\":1,\"name\":\"bolt\"},{\"id\":2,\"name\":\"nut\",\"tags\":[\"m4\"]},{\"id\":3,\"name\":\"washer\"}]}")));
        connector = Files.writeString(dir.resolve("items.yaml"), """
                name: items
                base_url: "{{ config.base_url }}"
                streams:
                  - name: items
                    request:
                      path: /items
                    decoder:
                      type: json
                      records_path: items
                """);
        output = dir.resolve("out");
    }

    private CommandResult read() {
        return InProcessCli.create().read(connector.toString(), JsonNodeFactory.instance.objectNode().put("base_url", API.baseUrl()),
                "--format", "ndjson-gzip", "--output", output.toString());
    }

    @Test
    void recordsLandGzippedOneJsonObjectPerLine() throws IOException {
        CommandResult result = read().assertSucceeded();

        Path file = Path.of(result.summary().path("streams").get(0).path("output_file").asText());
        assertTrue(file.startsWith(output.resolve("items")), file.toString());
        assertTrue(file.getFileName().toString().endsWith(".ndjson.gz"), file.toString());
        List<JsonNode> lines = gunzipLines(file);
        assertEquals(List.of("bolt", "nut", "washer"), lines.stream().map(l -> l.path("name").asText()).toList());
        assertEquals("m4", lines.get(1).path("tags").get(0).asText());
        assertEquals(List.of(file), visibleFiles());
        assertEquals(List.of(), result.ofType("RECORD"), "a file format keeps records off stdout");
    }

    @Test
    void aSecondRunAddsAFileBesideTheFirst() throws IOException {
        read().assertSucceeded();
        read().assertSucceeded();

        List<Path> files = visibleFiles();
        assertEquals(2, files.size(), files.toString());
        for (Path file : files) {
            assertEquals(3, gunzipLines(file).size());
        }
    }

    @Test
    void aFailedStreamLeavesNoFile() throws IOException {
        API.server().stubFor(get(urlPathEqualTo("/items")).atPriority(1).willReturn(notFound()));

        CommandResult result = read();

        assertEquals("FAILED", result.summary().path("status").asText(), result::toString);
        assertEquals(List.of(), visibleFiles());
    }

    private List<Path> visibleFiles() throws IOException {
        if (!Files.exists(output)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<JsonNode> gunzipLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }
}
