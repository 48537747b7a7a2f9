package io.solidafy.cdk.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample connector through the real CLI. */
class SampleConnectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private List<JsonNode> run(String... args) {
        CliRun run = CliRun.withPlugins(tmp.resolve("plugins"), args);
        assertEquals(0, run.exitCode(), run.stderr());
        return run.messages();
    }

    private static List<JsonNode> records(List<JsonNode> messages, String stream) {
        return messages.stream()
                .filter(m -> m.get("type").asText().equals("RECORD") && m.at("/record/stream").asText().equals(stream))
                .map(m -> m.at("/record/data"))
                .toList();
    }

    private static JsonNode summary(List<JsonNode> messages) {
        JsonNode last = messages.get(messages.size() - 1);
        assertEquals("SYNC_SUMMARY", last.get("type").asText());
        return last.get("summary");
    }

    @Test
    void listShowsSampleWithItsConfigSchema() throws Exception {
        JsonNode sample = run("list").get(0).get("connectors").get(0);
        assertEquals("sample", sample.get("name").asText());
        assertEquals("[\"count\",\"seed\"]", MAPPER.valueToTree(sample.get("config_schema").findValuesAsText("name")).toString());
        assertEquals(100, sample.get("config_schema").get(0).get("default").asInt());
        assertEquals("[\"customers\",\"orders\",\"products\"]", sample.get("streams").toString());
    }

    @Test
    void secondRunWithTheSavedStateEmitsOnlyNewerRecords() throws Exception {
        Path state = tmp.resolve("s.json");
        List<JsonNode> first = run("read", "--connector", "sample", "--config-json", "{\"count\":1000}", "--state", state.toString());
        assertEquals("SUCCEEDED", summary(first).get("status").asText());
        assertEquals(3000, summary(first).get("total_records").asInt());
        for (String stream : List.of("customers", "orders", "products")) {
            List<JsonNode> records = records(first, stream);
            assertEquals(1000, records.size());
            assertEquals(1000, records.stream().map(r -> r.get("id").asText()).distinct().count());
        }
        JsonNode saved = MAPPER.readTree(state.toFile());
        assertEquals("2024-01-01T16:40:00Z", saved.at("/streams/customers/cursor").asText());

        List<JsonNode> second = run("read", "--connector", "sample", "--config-json", "{\"count\":1000}", "--state", state.toString());
        assertEquals(0, summary(second).get("total_records").asInt());
        assertEquals(saved, MAPPER.readTree(state.toFile()));

        List<JsonNode> third = run("read", "-c", "sample", "--config-json", "{\"count\":1250}", "--state", state.toString(), "-s", "orders");
        List<JsonNode> newOrders = records(third, "orders");
        assertEquals(250, newOrders.size());
        assertEquals("ord_0001001", newOrders.get(0).get("id").asText());
        assertEquals("2024-01-01T20:50:00Z", MAPPER.readTree(state.toFile()).at("/streams/orders/cursor").asText());
        assertEquals("2024-01-01T16:40:00Z", MAPPER.readTree(state.toFile()).at("/streams/customers/cursor").asText());
    }

    @Test
    void sameSeedSameRecordsAndRichShapes() throws Exception {
        List<JsonNode> a = records(run("read", "-c", "sample", "--config-json", "{\"count\":50,\"seed\":7}", "-s", "customers"), "customers");
        List<JsonNode> b = records(run("read", "-c", "sample", "--config-json", "{\"count\":50,\"seed\":7}", "-s", "customers"), "customers");
        List<JsonNode> c = records(run("read", "-c", "sample", "--config-json", "{\"count\":50,\"seed\":8}", "-s", "customers"), "customers");
        assertEquals(a, b);
        assertTrue(!a.equals(c), "another seed gives other values");
        assertTrue(a.stream().anyMatch(r -> r.get("age").isNull()), "some nulls");
        assertTrue(a.stream().allMatch(r -> r.get("address").isObject() && r.get("tags").isArray()));
        List<JsonNode> orders = records(run("read", "-c", "sample", "--config-json", "{\"count\":20}", "-s", "orders"), "orders");
        assertTrue(orders.stream().allMatch(o -> o.get("items").get(0).isObject()), "arrays of objects");
    }

    @Test
    void maxRecordsCapsEachStreamAndStillAdvancesTheOrderedCursor() throws Exception {
        List<JsonNode> messages = run("read", "-c", "sample", "--config-json", "{\"count\":100}", "--max-records", "10");
        assertEquals(10, records(messages, "products").size());
        JsonNode finalState = messages.get(messages.size() - 2);
        assertEquals("2024-01-01T00:10:00Z", finalState.at("/state/streams/products/cursor").asText());
    }

    @Test
    void longRunsCheckpointBeforeTheEnd() throws Exception {
        List<JsonNode> messages = run("read", "-c", "sample", "--config-json", "{\"count\":120000}", "-s", "products", "--log-level", "WARN");
        long streamStates = messages.stream().filter(m -> m.get("type").asText().equals("STATE") && m.at("/state/type").asText().equals("STREAM")).count();
        assertEquals(3, streamStates, "two checkpoints (every 50,000 records) and the completion");
        assertEquals(120000, records(messages, "products").size());
    }

    @Test
    void discoverGivesSchemasAndKeys() throws Exception {
        JsonNode customers = run("discover", "-c", "sample").get(0).at("/catalog/streams/0");
        assertEquals("customers", customers.get("name").asText());
        assertEquals("date-time", customers.at("/json_schema/properties/updated_at/format").asText());
        assertEquals("[\"updated_at\"]", customers.get("default_cursor_field").toString());
        assertEquals("[[\"id\"]]", customers.get("source_defined_primary_key").toString());
    }
}
