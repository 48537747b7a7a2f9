package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.declarative.support.Cli;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** json, jsonl, csv and xml bodies, gzip, wildcard record paths. */
class DecoderTest extends WireMockSupport {

    private Path decoder(String decoder) {
        return connector("""
                name: decoded
                base_url: BASE
                streams:
                  - name: rows
                    request:
                      path: /rows
                    decoder:
                """ + decoder.indent(6));
    }

    private List<JsonNode> rows(CliRun result) {
        return result.records("rows");
    }

    @Test
    void jsonRecordsPathNestedAndGzip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write("{\"meta\":{\"n\":2},\"result\":{\"items\":[{\"id\":1,\"tags\":[\"a\"]},{\"id\":2}]}}".getBytes(StandardCharsets.UTF_8));
        }
        server.stubFor(get("/rows").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withHeader("Content-Encoding", "gzip").withBody(bytes.toByteArray())));
        CliRun result = read(decoder("type: json\nrecords_path: $.result.items\n"), "{}");
        assertEquals(2, rows(result).size(), result.stderr() + result.stdout());
        assertEquals("a", rows(result).get(0).path("tags").get(0).asText());
        server.verify(getRequestedFor(urlEqualTo("/rows")).withHeader("Accept-Encoding", containing("gzip")));
    }

    @Test
    void jsonWildcardPathAndSingleObject() {
        server.stubFor(get("/rows").willReturn(okJson("{\"groups\":[{\"items\":[{\"id\":1}]},{\"items\":[{\"id\":2},{\"id\":3}]}]}")));
        CliRun result = read(decoder("type: json\nrecords_path: groups[*].items\n"), "{}");
        assertEquals(List.of(1, 2, 3), rows(result).stream().map(r -> r.path("id").asInt()).toList());
        server.resetAll();
        server.stubFor(get("/rows").willReturn(okJson("{\"account\":\"acme\"}")));
        CliRun single = read(decoder("type: json\n"), "{}");
        assertEquals("acme", rows(single).get(0).path("account").asText());
    }

    @Test
    void jsonl() {
        server.stubFor(get("/rows").willReturn(aResponse().withBody("{\"id\":1}\n{\"id\":2}\n\n{\"id\":3}\n")));
        assertEquals(3, rows(read(decoder("type: jsonl\n"), "{}")).size());
    }

    @Test
    void csvWithQuotesDelimitersAndMultiLineFields() {
        String csv = "id;name;note\r\n1;\"Smith; John\";\"said \"\"hi\"\"\"\r\n2;Ann;\"line one\nline two\"\r\n";
        server.stubFor(get("/rows").willReturn(aResponse().withHeader("Content-Type", "text/csv").withBody(csv)));
        List<JsonNode> rows = rows(read(decoder("type: csv\ndelimiter: \";\"\n"), "{}"));
        assertEquals(2, rows.size());
        assertEquals("Smith; John", rows.get(0).path("name").asText());
        assertEquals("said \"hi\"", rows.get(0).path("note").asText());
        assertEquals("line one\nline two", rows.get(1).path("note").asText());
    }

    @Test
    void csvWithoutHeader() {
        server.stubFor(get("/rows").willReturn(aResponse().withBody("a,b\nc,d\n")));
        List<JsonNode> rows = rows(read(decoder("type: csv\nhas_header: false\n"), "{}"));
        assertEquals("d", rows.get(1).path("column_2").asText());
    }

    @Test
    void xmlRepeatedElement() {
        String xml = "<?xml version=\"1.0\"?><response><items><item id=\"1\"><name>A</name><tag>x</tag><tag>y</tag></item>"
                + "<item id=\"2\"><name>B</name></item></items></response>";
        server.stubFor(get("/rows").willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(xml)));
        List<JsonNode> rows = rows(read(decoder("type: xml\nrecords_path: items.item\n"), "{}"));
        assertEquals(2, rows.size());
        assertEquals("1", rows.get(0).path("@id").asText());
        assertEquals("A", rows.get(0).path("name").asText());
        assertEquals(2, rows.get(0).path("tag").size());
        assertEquals("B", rows.get(1).path("name").asText());
    }

    @Test
    void aRecordsPathTheResponseLacksIsReported() {
        server.stubFor(get("/rows").willReturn(okJson("{\"results\":[{\"id\":1}]}")));
        CliRun result = read(decoder("type: json\nrecords_path: data\n"), "{}");
        assertEquals(0, rows(result).size());
        assertEquals(true, result.logs("WARN").stream().anyMatch(m -> m.contains("has no 'data'; check decoder.records_path")), result.stdout());
    }
}
