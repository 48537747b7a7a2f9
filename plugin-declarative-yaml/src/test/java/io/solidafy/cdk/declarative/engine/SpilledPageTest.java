package io.solidafy.cdk.declarative.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.declarative.decode.JsonDecoder;
import io.solidafy.cdk.declarative.http.HttpEngine;
import io.solidafy.cdk.declarative.http.HttpSettings;
import io.solidafy.cdk.declarative.http.PreparedRequest;
import io.solidafy.cdk.declarative.path.RecordPath;
import io.solidafy.cdk.declarative.support.WireMockSupport;
import io.solidafy.cdk.spi.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A page larger than the memory limit is spilled to a temporary file, checked whole before any
 * record is emitted, emitted from a second decode, and its file deleted afterwards.
 */
class SpilledPageTest extends WireMockSupport {

    private static final int RECORDS = 2000;

    private HttpEngine engine(long memoryLimit) {
        HttpSettings settings = new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(5), 1, OptionalDouble.empty(), "test",
                Duration.ofMillis(50), Duration.ofMillis(10), memoryLimit);
        return new HttpEngine(settings, Secrets.none(), message -> {});
    }

    private static String page(boolean complete) {
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 1; i <= RECORDS; i++) {
            body.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"pad\":\"").append("p".repeat(40)).append("\"}");
        }
        String text = body.append("],\"next\":null}").toString();
        return complete ? text : text.substring(0, text.length() - 40);
    }

    private static long spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("solidafy-page-")).count();
        }
    }

    @Test
    void aLargePageIsSpilledDecodedWholeThenEmittedAndItsFileDeleted() throws Exception {
        server.stubFor(get(urlPathEqualTo("/big")).willReturn(okJson(page(true))));
        JsonDecoder decoder = new JsonDecoder(new ObjectMapper(), Optional.of(RecordPath.parse("data")));
        long before = spillFiles();
        try (HttpEngine http = engine(4096)) {
            FetchedPage fetched = http.execute(new PreparedRequest("GET", base() + "/big"), null, response -> {
                assertTrue(response.page().spilled(), "a body over the limit is on disk");
                return FetchedPage.decode(response, decoder);
            });
            assertEquals(RECORDS, fetched.page().recordCount());
            List<Integer> ids = new ArrayList<>();
            try (fetched) {
                assertEquals(before + 1, spillFiles(), "the file lives until the records were emitted");
                assertTrue(fetched.emit(decoder, record -> ids.add(record.get("id").asInt())));
            }
            assertEquals(RECORDS, ids.size());
            assertEquals(RECORDS, ids.get(RECORDS - 1));
        }
        assertEquals(before, spillFiles(), "the spill file is deleted");
    }

    @Test
    void aTruncatedLargePageEmitsNothingAndLeavesNoFile() throws Exception {
        server.stubFor(get(urlPathEqualTo("/big")).willReturn(okJson(page(false))));
        JsonDecoder decoder = new JsonDecoder(new ObjectMapper(), Optional.of(RecordPath.parse("data")));
        long before = spillFiles();
        try (HttpEngine http = engine(4096)) {
            IOException error = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> http.execute(new PreparedRequest("GET", base() + "/big"), null, response -> FetchedPage.decode(response, decoder)));
            assertFalse(error.getMessage().isEmpty());
        }
        assertEquals(before, spillFiles(), "no spill file is left behind");
        server.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/big")));
    }
}
