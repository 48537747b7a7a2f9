package io.solidafy.cdk.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.sink.Sink;
import io.solidafy.cdk.spi.sink.SinkRequest;
import io.solidafy.cdk.spi.sink.StreamWriter;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a recording storage: what is staged, published and discarded, and when. */
class StreamWriterTest {

    @TempDir
    Path tmp;

    /** Stages into a hidden folder, publishes by moving, and records every call; can refuse to publish. */
    final class RecordingStorage implements ObjectStorage {
        final List<String> calls = new ArrayList<>();
        boolean refusePublish;

        @Override
        public String location() {
            return tmp.toString();
        }

        @Override
        public synchronized Path stage(String key) throws IOException {
            calls.add("stage " + key);
            Files.createDirectories(tmp.resolve(".staging"));
            return Files.createTempFile(tmp.resolve(".staging"), "part", ".inprogress");
        }

        @Override
        public synchronized String publish(Path staged, String key) throws IOException {
            if (refusePublish) {
                throw new IOException("The bucket refused " + key + ".");
            }
            calls.add("publish " + key);
            Path target = tmp.resolve(key);
            Files.createDirectories(target.getParent());
            Files.move(staged, target);
            return target.toString();
        }

        @Override
        public synchronized void discard(Path staged) {
            calls.add("discard");
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        List<Path> staged() throws IOException {
            try (Stream<Path> files = Files.list(tmp.resolve(".staging"))) {
                return files.toList();
            }
        }
    }

    private StreamWriter open(RecordingStorage storage, String... options) throws IOException {
        ObjectNode opts = JsonNodeFactory.instance.objectNode();
        for (String option : options) {
            String[] kv = option.split("=", 2);
            opts.put(kv[0], kv[1]);
        }
        List<String> logs = new ArrayList<>();
        Sink sink = new ParquetSinkFactory().open(new SinkRequest("parquet", Optional.of(storage), opts,
                Instant.parse("2025-12-14T23:59:59Z"), (LogLevel level, String message) -> logs.add(message)));
        return sink.openStream(StreamDescriptor.named("public.orders"));
    }

    private static ObjectNode record(long id) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("name", "n" + id);
    }

    @Test
    void smallPartsWaitForTheCommitThenLandUnderTheRunsDate() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage);
        for (int i = 0; i < 2500; i++) {
            writer.write(record(i), 0);
        }
        assertFalse(writer.checkpoint(), "a small part is not worth publishing at a checkpoint");
        assertTrue(storage.calls.stream().noneMatch(c -> c.startsWith("publish")), storage.calls.toString());
        List<String> files = writer.commit();
        assertEquals(1, files.size());
        assertTrue(files.get(0).startsWith(tmp.resolve("public_orders/dt=2025-12-14/part-20251214T235959Z-").toString()), files.get(0));
        assertEquals(List.of(), storage.staged());
    }

    @Test
    void aCheckpointPublishesThePartOnceItIsLargeEnough() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage, "checkpoint_part_size=0");
        assertTrue(writer.checkpoint(), "nothing written: nothing to wait for");
        writer.write(record(1), 0);
        assertTrue(writer.checkpoint());
        assertEquals(1, storage.calls.stream().filter(c -> c.startsWith("publish")).count());
        writer.write(record(2), 0);
        List<String> files = writer.commit();
        assertEquals(2, files.size(), "the checkpointed part comes first");
        assertTrue(files.get(0).endsWith("-00000.parquet") && files.get(1).endsWith("-00001.parquet"), files.toString());
    }

    @Test
    void abortDiscardsTheOpenPartButKeepsCheckpointedOnes() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage, "checkpoint_part_size=0", "infer_records=1");
        writer.write(record(1), 0);
        assertTrue(writer.checkpoint());
        for (int i = 2; i < 500; i++) {
            writer.write(record(i), 0);
        }
        writer.abort();
        assertEquals(1, storage.calls.stream().filter(c -> c.startsWith("publish")).count(), storage.calls.toString());
        assertTrue(storage.calls.contains("discard"), storage.calls.toString());
        assertEquals(List.of(), storage.staged(), "no staged file is left");
    }

    @Test
    void aFailedPublishFailsTheCommitAndLeavesNothingStaged() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage);
        for (int i = 0; i < 10; i++) {
            writer.write(record(i), 0);
        }
        storage.refusePublish = true;
        IOException e = assertThrows(IOException.class, writer::commit);
        assertTrue(e.getMessage().startsWith("The bucket refused public_orders/dt=2025-12-14/part-"), e.getMessage());
        writer.abort(); // what the runtime does after a failed commit: must not throw
        assertEquals(List.of(), storage.staged());
    }

    @Test
    void recordsThatDoNotFitStartANewPartWithAWiderSchema() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage, "infer_records=2");
        writer.write(record(1), 0);
        writer.write(record(2), 0);
        writer.write(JsonNodeFactory.instance.objectNode().put("id", 3.5).put("name", "n3"), 0);
        writer.write(record(4), 0);
        List<String> files = writer.commit();
        assertEquals(2, files.size(), files.toString());
        try (Duck duck = new Duck()) {
            assertEquals("BIGINT", duck.single("SELECT typeof(id) FROM read_parquet('" + files.get(0) + "') LIMIT 1"));
            assertEquals("DOUBLE", duck.single("SELECT typeof(id) FROM read_parquet('" + files.get(1) + "') LIMIT 1"));
            assertEquals("1.0,2.0,3.5,4.0", duck.single("SELECT string_agg(id::VARCHAR, ',' ORDER BY id) FROM read_parquet(['"
                    + files.get(0) + "','" + files.get(1) + "'], union_by_name=true)"));
        }
    }

    @Test
    void partsClosedByAWideningStayInvisibleUntilPublishedAndAbortDropsThem() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage, "infer_records=1");
        writer.write(record(1), 0);
        writer.write(JsonNodeFactory.instance.objectNode().put("id", 2.5).put("name", "n2"), 0);
        writer.write(JsonNodeFactory.instance.objectNode().put("id", 3).put("extra", true), 0);
        assertTrue(storage.calls.stream().noneMatch(c -> c.startsWith("publish")), "rolled parts wait: " + storage.calls);
        assertFalse(writer.checkpoint(), "closed parts are not durable yet, so no STATE may cover them");
        writer.abort();
        assertTrue(storage.calls.stream().noneMatch(c -> c.startsWith("publish")), storage.calls.toString());
        assertEquals(3, storage.calls.stream().filter(c -> c.equals("discard")).count(), storage.calls.toString());
        assertEquals(List.of(), storage.staged(), "no staged file is left");
        try (Stream<Path> visible = Files.walk(tmp)) {
            assertEquals(0, visible.filter(p -> p.toString().endsWith(".parquet")).count());
        }
    }

    @Test
    void aCheckpointPublishesRolledPartsInOrderBeforeTheOpenOne() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage, "infer_records=1", "checkpoint_part_size=0");
        writer.write(record(1), 0);
        writer.write(JsonNodeFactory.instance.objectNode().put("id", 2.5).put("name", "n2"), 0);
        assertTrue(writer.checkpoint());
        writer.abort();
        assertEquals(List.of("publish-00000", "publish-00001"), storage.calls.stream().filter(c -> c.startsWith("publish"))
                .map(c -> "publish" + c.substring(c.lastIndexOf('-'), c.lastIndexOf('.'))).toList());
    }

    @Test
    void columnsUniqueInTheSampleSkipTheDictionary() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage, "infer_records=500");
        for (int i = 0; i < 5000; i++) {
            writer.write(JsonNodeFactory.instance.objectNode().put("id", "ord_" + i).put("status", i % 3 == 0 ? "paid" : "open"), 0);
        }
        String file = writer.commit().get(0);
        try (Duck duck = new Duck()) {
            String sql = "SELECT encodings FROM parquet_metadata('" + file + "') WHERE path_in_schema = '%s'";
            assertFalse(duck.single(sql.formatted("id")).contains("DICTIONARY"), "unique ids are written plain");
            assertTrue(duck.single(sql.formatted("status")).contains("DICTIONARY"), "repeated values keep the dictionary");
            assertEquals("5000", duck.single("SELECT count(DISTINCT id) FROM read_parquet('" + file + "')"));
        }
    }

    @Test
    void recordsWithTooManyDistinctKeysAreStoredWhole() throws Exception {
        RecordingStorage storage = new RecordingStorage();
        StreamWriter writer = open(storage, "infer_records=3");
        for (int r = 0; r < 6; r++) {
            ObjectNode record = JsonNodeFactory.instance.objectNode().put("id", r);
            for (int k = 0; k < 2000; k++) {
                record.put("key_" + r + "_" + k, k); // keys that are data: 12,000 distinct names in all
            }
            writer.write(record, 0);
        }
        List<String> files = writer.commit();
        assertEquals(1, files.size(), files.toString());
        try (Duck duck = new Duck()) {
            assertEquals("_record", duck.single("SELECT string_agg(column_name, ',') FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + files.get(0) + "', hive_partitioning=false))"));
            assertEquals("6", duck.single("SELECT count(*) FROM read_parquet('" + files.get(0) + "')"));
            assertEquals("1999", duck.single("SELECT max((_record->>'key_5_1999')::INT) FROM read_parquet('" + files.get(0) + "')"));
        }
    }
}
