package io.solidafy.cdk.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, spec, streams, discover, check and validate on the fixture connector. */
class DescribeCommandsTest {

    @TempDir
    Path tmp;

    private String plugins() throws Exception {
        return Files.createDirectories(tmp.resolve("plugins")).toString();
    }

    @Test
    void listPrintsOneConnectorsMessageWithConfigSchema() throws Exception {
        CliRun run = CliRun.exec("list", "--plugins-dir", plugins());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(1, run.messages().size());
        JsonNode fixture = run.last().get("connectors").get(0);
        assertEquals("fixture", fixture.get("name").asText());
        assertEquals("fixture-alias", fixture.get("aliases").get(0).asText());
        JsonNode key = fixture.get("config_schema").get(0);
        assertEquals("api_key", key.get("name").asText());
        assertTrue(key.get("secret").asBoolean());
        assertTrue(key.get("required").asBoolean());
        assertEquals(5, fixture.get("config_schema").get(1).get("default").asInt());
        assertEquals("[\"ascending\",\"descending\",\"broken\"]", fixture.get("streams").toString());
    }

    @Test
    void streamsNeedNoConfigForFixedStreamLists() throws Exception {
        CliRun run = CliRun.exec("streams", "-c", "fixture", "--plugins-dir", plugins());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals("{\"type\":\"STREAMS\",\"connector\":\"fixture\",\"streams\":[\"ascending\",\"descending\",\"broken\"]}",
                run.last().toString());
    }

    @Test
    void specAndCatalog() throws Exception {
        CliRun spec = CliRun.exec("spec", "-c", "fixture", "--plugins-dir", plugins());
        assertEquals("1.2.3", spec.last().at("/spec/version").asText());
        CliRun discover = CliRun.exec("discover", "-c", "fixture", "--config-json", "{\"api_key\":\"good-1234\"}", "--plugins-dir", plugins());
        JsonNode ascending = discover.last().at("/catalog/streams/0");
        assertEquals("[\"full_refresh\",\"incremental\"]", ascending.get("supported_sync_modes").toString());
        assertEquals("[\"n\"]", ascending.get("default_cursor_field").toString());
        assertEquals("[[\"n\"]]", ascending.get("source_defined_primary_key").toString());
        assertTrue(ascending.get("source_defined_cursor").asBoolean());
        assertEquals("object", ascending.at("/json_schema/type").asText());
        JsonNode broken = discover.last().at("/catalog/streams/2");
        assertEquals("[\"full_refresh\"]", broken.get("supported_sync_modes").toString());
    }

    @Test
    void exportOfAConnectorWithoutDefinitionFileIsOneSentence() throws Exception {
        CliRun run = CliRun.exec("export", "-c", "fixture", "--plugins-dir", plugins());
        assertEquals(1, run.exitCode());
        assertEquals("", run.stdout());
        assertEquals("Connector 'fixture' is not defined by a definition file, so there is nothing to export;"
                + " only declarative (YAML) connectors can be exported.", run.stderr().strip());
    }

    @Test
    void checkSucceeds() throws Exception {
        CliRun run = CliRun.exec("check", "-c", "fixture", "--config-json", "{\"api_key\":\"good-1234\"}", "--plugins-dir", plugins());
        assertEquals("{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"SUCCEEDED\",\"message\":\"Connection successful\"}}",
                run.last().toString());
    }

    @Test
    void validateOfABuiltInNameIsValid() throws Exception {
        CliRun run = CliRun.exec("validate", "-c", "fixture", "--plugins-dir", plugins());
        assertEquals(0, run.exitCode());
        assertEquals("VALID", run.last().at("/validation/status").asText());
    }
}
