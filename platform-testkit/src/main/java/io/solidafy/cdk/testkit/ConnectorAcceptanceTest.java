package io.solidafy.cdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.CursorOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The connector acceptance suite: extend it, return your connector and config from {@link #target()},
 * and every test below runs against it through the real CLI.
 *
 * <pre>{@code
 * class MyConnectorAcceptanceTest extends ConnectorAcceptanceTest {
 *     @RegisterExtension
 *     static final RecordedApi API = RecordedApi.fromClasspath("recorded/my-api");
 *
 *     @Override
 *     protected AcceptanceTarget target() {
 *         return AcceptanceTarget.of("connectors/my-api.yaml", config(API.baseUrl(), "good-key"))
 *                 .withBadCredentials(config(API.baseUrl(), "revoked-key"));
 *     }
 * }
 * }</pre>
 *
 * <p>For the incremental tests the API must honour the connector's incremental filter: recordings
 * of a second run (with the saved cursor in the request) return only newer records.
 */
public abstract class ConnectorAcceptanceTest {

    /** The connector and config to test; called once per test. */
    protected abstract AcceptanceTarget target();

    @Test
    void specIsValid() {
        AcceptanceTarget target = target();
        CommandResult result = target.cli().spec(target.connector()).assertSucceeded();
        JsonNode spec = result.only("SPEC").path("spec");
        assertFalse(spec.path("name").asText().isBlank(), "the spec names the connector\n" + result);
        JsonNode fields = spec.path("config_schema");
        assertTrue(fields.isArray(), "the spec has a config_schema list\n" + result);
        JsonSchemaCheck.of(configSchema(fields)).problems(target.config())
                .forEach(problem -> fail("the target config does not satisfy the spec: " + problem));
    }

    @Test
    void checkSucceedsWithTheConfig() {
        AcceptanceTarget target = target();
        CommandResult result = target.cli().check(target.connector(), target.config());
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("SUCCEEDED", result.only("CONNECTION_STATUS").at("/connectionStatus/status").asText(), result::toString);
    }

    @Test
    void checkFailsCleanlyOnBadCredentials() {
        AcceptanceTarget target = target();
        List<String> secretFields = secretFields(target);
        if (target.badCredentials().isEmpty()) {
            assertEquals(List.of(), secretFields, "the connector declares secret fields: give the target a config with bad credentials");
            return;
        }
        ObjectNode bad = target.badCredentials().get();
        CommandResult result = target.cli().check(target.connector(), bad);
        assertEquals(0, result.exitCode(), () -> "a failed check still completes\n" + result);
        JsonNode status = result.only("CONNECTION_STATUS").path("connectionStatus");
        assertEquals("FAILED", status.path("status").asText(), result::toString);
        assertFalse(status.path("message").asText().isBlank(), "the failure says why\n" + result);
        assertFalse(result.stderr().contains("\tat "), () -> "no stack trace for rejected credentials\n" + result);
        for (String field : secretFields) {
            for (ObjectNode config : List.of(bad, target.config())) {
                String secret = config.path(field).asText("");
                if (secret.length() >= 4) {
                    assertFalse(result.everything().contains(secret), () -> "the value of secret field " + field + " was printed\n" + result);
                }
            }
        }
    }

    @Test
    void discoveredSchemasAcceptTheRecords() {
        AcceptanceTarget target = target();
        Map<String, JsonNode> catalog = catalog(target);
        CommandResult read = firstRead(target);
        for (String stream : selected(target, catalog)) {
            JsonSchemaCheck schema = JsonSchemaCheck.of(catalog.get(stream).path("json_schema"));
            for (ObjectNode record : read.records(stream)) {
                List<String> problems = schema.problems(record);
                assertEquals(List.of(), problems, () -> "a record of " + stream + " breaks its discovered schema: " + record);
            }
        }
    }

    @Test
    void syncSummaryComesLast() {
        AcceptanceTarget target = target();
        CommandResult read = firstRead(target);
        JsonNode summary = read.summary();
        assertEquals("SUCCEEDED", summary.path("status").asText(), read::toString);
        assertTrue(read.ofType("RECORD").size() > 0, () -> "the read emitted no record: give the target data to read\n" + read);
        assertEquals(1, read.ofType("SYNC_SUMMARY").size(), read::toString);
    }

    @Test
    void stateNeverMovesBackwards() {
        AcceptanceTarget target = target();
        Map<String, JsonNode> catalog = catalog(target);
        CommandResult first = firstRead(target);
        assertCursorsNeverDecrease(first, Map.of());
        Map<String, JsonNode> saved = savedCursors(first, selected(target, catalog));
        CommandResult second = secondRead(target, first);
        assertCursorsNeverDecrease(second, saved);
        saved.forEach((stream, cursor) -> {
            JsonNode after = second.cursor(stream).orElseThrow(() -> new AssertionError(stream + " lost its cursor in the second run\n" + second));
            assertTrue(CursorOrder.INSTANCE.compare(after, cursor) >= 0, () -> stream + ": cursor went back from " + cursor + " to " + after);
        });
    }

    @Test
    void incrementalSecondRunDoesNotReEmit() {
        AcceptanceTarget target = target();
        Map<String, JsonNode> catalog = catalog(target);
        List<String> incremental = selected(target, catalog).stream()
                .filter(s -> catalog.get(s).path("source_defined_cursor").asBoolean()).toList();
        if (incremental.isEmpty()) {
            return; // full-refresh streams re-read everything by definition
        }
        CommandResult first = firstRead(target);
        Map<String, JsonNode> saved = savedCursors(first, incremental);
        assertFalse(saved.isEmpty(), () -> "no incremental stream saved a cursor\n" + first);
        CommandResult second = secondRead(target, first);
        for (Map.Entry<String, JsonNode> entry : saved.entrySet()) {
            String stream = entry.getKey();
            JsonNode cursor = entry.getValue();
            JsonNode cursorField = catalog.get(stream).path("default_cursor_field");
            List<ObjectNode> before = first.records(stream);
            for (ObjectNode record : second.records(stream)) {
                JsonNode value = valueAt(record, cursorField);
                assertTrue(CursorOrder.INSTANCE.compare(value, cursor) >= 0,
                        () -> stream + ": the second run emitted a record older than the saved cursor " + cursor + ": " + record);
                assertFalse(before.contains(record) && CursorOrder.INSTANCE.compare(value, cursor) != 0,
                        () -> stream + ": the second run re-emitted a record the first run delivered: " + record);
            }
        }
    }

    // ---------------------------------------------------------------- runs

    private static CommandResult firstRead(AcceptanceTarget target) {
        return target.cli().read(target.connector(), target.config(), target.streamOptions()).assertSucceeded();
    }

    private static CommandResult secondRead(AcceptanceTarget target, CommandResult first) {
        List<String> options = new ArrayList<>(List.of(target.streamOptions()));
        options.add("--state-json");
        options.add(first.finalState().toString());
        return target.cli().read(target.connector(), target.config(), options.toArray(String[]::new)).assertSucceeded();
    }

    /** The CATALOG's streams by name. */
    private static Map<String, JsonNode> catalog(AcceptanceTarget target) {
        CommandResult result = target.cli().discover(target.connector(), target.config()).assertSucceeded();
        Map<String, JsonNode> streams = new LinkedHashMap<>();
        result.only("CATALOG").at("/catalog/streams").forEach(s -> streams.put(s.path("name").asText(), s));
        assertFalse(streams.isEmpty(), "discover found no stream\n" + result);
        return streams;
    }

    private static List<String> selected(AcceptanceTarget target, Map<String, JsonNode> catalog) {
        List<String> streams = target.streams().isEmpty() ? List.copyOf(catalog.keySet()) : target.streams();
        streams.forEach(s -> assertTrue(catalog.containsKey(s), () -> "discover does not list stream " + s + ": " + catalog.keySet()));
        return streams;
    }

    private static List<String> secretFields(AcceptanceTarget target) {
        JsonNode fields = target.cli().spec(target.connector()).assertSucceeded().only("SPEC").at("/spec/config_schema");
        List<String> secrets = new ArrayList<>();
        fields.forEach(f -> {
            if (f.path("secret").asBoolean()) {
                secrets.add(f.path("name").asText());
            }
        });
        return secrets;
    }

    // ---------------------------------------------------------------- state

    private static Map<String, JsonNode> savedCursors(CommandResult run, List<String> streams) {
        Map<String, JsonNode> cursors = new LinkedHashMap<>();
        for (String stream : streams) {
            run.cursor(stream).ifPresent(c -> cursors.put(stream, c));
        }
        return cursors;
    }

    /** Each stream's STATE cursors, in order, never below {@code floor} nor below the one before. */
    private static void assertCursorsNeverDecrease(CommandResult run, Map<String, JsonNode> floor) {
        Map<String, JsonNode> last = new LinkedHashMap<>(floor);
        for (JsonNode message : run.ofType("STATE")) {
            JsonNode stream = message.at("/state/stream");
            if (stream.isMissingNode()) {
                continue; // the final STATE, checked by the caller
            }
            String name = stream.at("/stream_descriptor/name").asText();
            Optional<JsonNode> cursor = Optional.of(stream.at("/stream_state/cursor")).filter(c -> !c.isMissingNode() && !c.isNull());
            JsonNode previous = last.get(name);
            if (previous != null) {
                JsonNode now = cursor.orElseThrow(() -> new AssertionError(name + ": a STATE dropped the cursor " + previous + "\n" + run));
                assertTrue(CursorOrder.INSTANCE.compare(now, previous) >= 0, () -> name + ": STATE went back from " + previous + " to " + now);
            }
            cursor.ifPresent(c -> last.put(name, c));
        }
    }

    private static JsonNode valueAt(JsonNode record, JsonNode path) {
        JsonNode node = record;
        for (JsonNode segment : path) {
            node = node.path(segment.asText());
        }
        return node;
    }

    /** The spec's config fields as a JSON Schema for a config object. */
    private static ObjectNode configSchema(JsonNode fields) {
        ObjectNode schema = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        var required = schema.putArray("required");
        for (JsonNode field : fields) {
            String name = field.path("name").asText();
            assertFalse(name.isBlank(), "a config field without a name: " + field);
            properties.putObject(name).put("type", field.path("type").asText());
            if (field.path("required").asBoolean() && field.path("default").isNull()) {
                required.add(name);
            }
        }
        return schema;
    }
}
