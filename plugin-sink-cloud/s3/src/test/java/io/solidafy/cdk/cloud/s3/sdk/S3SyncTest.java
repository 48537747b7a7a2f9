package io.solidafy.cdk.cloud.s3.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI syncs {@code sample} to Parquet on S3Proxy, with its state there too. */
class S3SyncTest {

    /** Above the sample source's checkpoint interval (50,000), so each stream is published in several parts. */
    private static final int COUNT = 110_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static S3ProxyEmulator emulator;
    private static SystemEnvironment environment;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        emulator = new S3ProxyEmulator();
        environment = new SystemEnvironment(emulator.environment());
    }

    @AfterAll
    static void stop() throws Exception {
        environment.close();
        emulator.close();
    }

    private CliRun sync(String output, String... extra) {
        List<String> args = new ArrayList<>(List.of("read", "-c", "sample", "--config-json", "{\"count\":" + COUNT + "}",
                "--streams", "customers", "-f", "parquet", "-o", output, "--sink-option", "checkpoint_part_size=0"));
        args.addAll(List.of(extra));
        return CliRun.withPlugins(tmp.resolve("no-plugins"), args.toArray(String[]::new));
    }

    @Test
    void aMultiPartStreamLandsInTheHiveLayoutWithFullUrlsAndItsStateBeside() throws Exception {
        String bucket = emulator.createBucket("lake-sync");
        CliRun remote = sync("s3://" + bucket + "/stripe/", "--state", "s3://" + bucket + "/state/sample.json");
        assertEquals(0, remote.exitCode(), remote.toString());
        JsonNode stream = remote.summaryStream("customers");
        List<String> urls = StreamSupport.stream(stream.get("output_files").spliterator(), false).map(JsonNode::asText).toList();
        assertEquals(3, urls.size(), "one part per checkpoint: " + urls);
        assertEquals(urls.get(0), stream.get("output_file").asText());
        Pattern layout = Pattern.compile("s3://" + bucket + "/stripe/customers/dt=\\d{4}-\\d{2}-\\d{2}/part-\\d{8}T\\d{6}Z-[0-9a-f]{12}-0000[0-2]\\.parquet");
        urls.forEach(url -> assertTrue(layout.matcher(url).matches(), url));
        assertEquals("s3://" + bucket + "/stripe/", remote.summary().at("/output/directory").asText());
        assertEquals("s3://" + bucket + "/state/sample.json", remote.summary().at("/output/state_file").asText());
        List<String> keys = urls.stream().map(u -> u.substring(("s3://" + bucket + "/").length())).sorted().toList();
        assertEquals(keys, emulator.keys(bucket, "stripe/"), "exactly the published parts, no staging leftovers");

        JsonNode savedState = MAPPER.readTree(emulator.get(bucket, "state/sample.json"));
        assertEquals(remote.state(), savedState);

        Path local = tmp.resolve("local");
        CliRun reference = sync(local.toString());
        assertEquals(0, reference.exitCode(), reference.toString());
        Path downloaded = Files.createDirectories(tmp.resolve("downloaded"));
        for (String key : keys) {
            Files.write(downloaded.resolve(key.replace('/', '_')), emulator.get(bucket, key));
        }
        try (Duck duck = new Duck()) {
            List<JsonNode> fromS3 = duck.rows(downloaded + "/*.parquet", "id");
            List<JsonNode> fromDisk = duck.rows(local + "/customers/*/*.parquet", "id");
            assertEquals(COUNT, fromS3.size());
            assertEquals(fromDisk, fromS3, "the same records as the same sync to a local directory");
        }
    }

    @Test
    void aSecondRunAddsItsOwnObjectsAndResumesFromTheSavedState() throws Exception {
        String bucket = emulator.createBucket("lake-twice");
        String state = "s3://" + bucket + "/state/sample.json";
        CliRun first = sync("s3://" + bucket + "/out", "--state", state);
        assertEquals(0, first.exitCode(), first.toString());
        List<String> firstKeys = emulator.keys(bucket, "out/");
        Map<String, byte[]> firstContent = new HashMap<>();
        firstKeys.forEach(k -> firstContent.put(k, emulator.get(bucket, k)));

        CliRun again = sync("s3://" + bucket + "/out");
        assertEquals(0, again.exitCode(), again.toString());
        List<String> all = emulator.keys(bucket, "out/");
        assertEquals(firstKeys.size() * 2, all.size(), "a run the same day adds files beside the first run's");
        firstContent.forEach((k, v) -> assertArrayEquals(v, emulator.get(bucket, k), "unchanged: " + k));

        CliRun resumed = sync("s3://" + bucket + "/out", "--state", state);
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertEquals(0, resumed.summary().get("total_records").asInt(), "the saved cursor covers every record");
        assertEquals(first.state(), MAPPER.readTree(emulator.get(bucket, "state/sample.json")));
    }

    @Test
    void anUnknownStateBucketFailsBeforeTheSourceIsRead() throws Exception {
        String bucket = emulator.createBucket("lake-nostate");
        CliRun run = sync("s3://" + bucket + "/out", "--state", "s3://missing-state-bucket/state/sample.json");
        assertEquals(1, run.exitCode());
        assertEquals("Bucket 'missing-state-bucket' does not exist at the S3 endpoint " + emulator.endpoint() + "; create it or fix the s3:// URL.", run.stderr().strip());
        assertEquals("FAILED", run.summary().get("status").asText());
        assertTrue(run.records("customers").isEmpty());
        assertEquals(List.of(), emulator.keys(bucket, ""));
    }
}
