package io.solidafy.examples.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.testkit.AcceptanceTarget;
import io.solidafy.cdk.testkit.CommandResult;
import io.solidafy.cdk.testkit.ConnectorAcceptanceTest;
import io.solidafy.cdk.testkit.InProcessCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code local-files} on a temporary folder with an {@code orders} (CSV) and an {@code events} (NDJSON) stream. */
class FolderSourceTest extends ConnectorAcceptanceTest {

    @TempDir
    Path folder;

    @BeforeEach
    void files() throws IOException {
        write("orders/2026-11-01.csv", "id,customer,amount\n1,Ada,12.50\n2,\"Grace, H.\",7.00\n", "2026-11-01T10:00:00Z");
        write("orders/2026-11-02.csv", "id,customer,amount\n3,Linus,3.99\n", "2026-11-02T10:00:00Z");
        write("events/log.ndjson", "{\"event\":\"login\",\"user\":1}\n\n{\"event\":\"logout\",\"user\":1}\n", "2026-11-01T12:00:00Z");
    }

    private void write(String name, String text, String modifiedAt) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modifiedAt)));
    }

    private ObjectNode config() {
        return JsonNodeFactory.instance.objectNode().put("path", folder.toString());
    }

    @Override
    protected AcceptanceTarget target() {
        return AcceptanceTarget.of("local-files", config());
    }

    @Test
    void csvRowsAndJsonLinesBecomeRecordsOldestFileFirst() {
        CommandResult result = InProcessCli.create().read("local-files", config()).assertSucceeded();

        assertEquals(List.of("1", "2", "3"), result.records("orders").stream().map(r -> r.path("id").asText()).toList());
        assertEquals("Grace, H.", result.records("orders").get(1).path("customer").asText());
        assertEquals("2026-11-02.csv", result.records("orders").get(2).path("_file").asText());
        assertEquals(List.of("login", "logout"), result.records("events").stream().map(r -> r.path("event").asText()).toList());
        assertEquals("2026-11-02T10:00:00Z", result.cursor("orders").orElseThrow().asText());
    }

    @Test
    void theNextRunReadsOnlyFilesModifiedSince() throws IOException {
        CommandResult first = InProcessCli.create().read("local-files", config()).assertSucceeded();
        write("orders/2026-11-03.csv", "id,customer,amount\n4,Barbara,20.00\n", "2026-11-03T10:00:00Z");

        CommandResult second = InProcessCli.create()
                .read("local-files", config(), "--state-json", first.finalState().toString()).assertSucceeded();

        assertEquals(List.of("4"), second.records("orders").stream().map(r -> r.path("id").asText()).toList());
        assertEquals(List.of(), second.records("events"));
    }

    @Test
    void checkNamesAMissingFolder() {
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("path", folder.resolve("nowhere").toString());

        CommandResult result = InProcessCli.create().check("local-files", config);

        assertEquals("FAILED", result.only("CONNECTION_STATUS").at("/connectionStatus/status").asText());
        assertTrue(result.only("CONNECTION_STATUS").at("/connectionStatus/message").asText().contains("nowhere"), result::toString);
    }
}
