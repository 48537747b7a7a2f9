package io.solidafy.cdk.cloud.s3.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.solidafy.cdk.runtime.testing.CliRun;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures between the storage and S3Proxy, injected by a WireMock proxy in front of it: errors
 * returned for chosen requests, or the store going away mid-stream. Nothing partial becomes
 * visible and state never covers data that did not land.
 */
class S3FaultTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String INTERNAL_ERROR = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
            + "<Message>We encountered an internal error. Please try again.</Message></Error>";

    private static S3ProxyEmulator emulator;
    private WireMockServer proxy;
    private Map<String, String> environment;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = new S3ProxyEmulator();
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        emulator.close();
    }

    @BeforeEach
    void startProxy() {
        proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").preserveHostHeader(true).disableRequestJournal());
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(emulator.endpoint().toString())));
        environment = new HashMap<>(emulator.environment());
        environment.put("AWS_ENDPOINT", "http://127.0.0.1:" + proxy.port());
        environment.put("AWS_MAX_ATTEMPTS", "3"); // still retried, but a failing test run stays short
    }

    @AfterEach
    void stopProxy() {
        proxy.stop();
    }

    private CliRun sync(String bucket) {
        try (SystemEnvironment env = new SystemEnvironment(environment)) {
            return CliRun.withPlugins(tmp.resolve("no-plugins"), "read", "-c", "sample", "--config-json", "{\"count\":110000}",
                    "--streams", "customers", "-f", "parquet", "-o", "s3://" + bucket + "/out/", "--sink-option", "checkpoint_part_size=0",
                    "--state", "s3://" + bucket + "/state/sample.json");
        }
    }

    /** The state a stream had saved after its first published part: the first per-stream STATE. */
    private static JsonNode firstCheckpoint(CliRun run) {
        return run.ofType("STATE").get(0).at("/state/stream/stream_state");
    }

    @Test
    void anUploadThatKeepsFailingFailsTheStreamAndStateStaysAtTheLandedPart() throws Exception {
        String bucket = emulator.createBucket("fault-errors");
        proxy.stubFor(put(urlPathMatching(".*-00001\\.parquet")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/xml").withBody(INTERNAL_ERROR)));
        CliRun run = sync(bucket);
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("FAILED", run.summary().get("status").asText());
        String error = run.summaryStream("customers").get("error").asText();
        assertTrue(error.matches("Checkpointing stream .customers. failed: Uploading s3://" + bucket + "/out/customers/dt=.*-00001\\.parquet failed: InternalError, HTTP 500, "
                + "We encountered an internal error\\. Please try again\\.\\."), error);
        List<String> keys = emulator.keys(bucket, "out/");
        assertEquals(1, keys.size(), "only the part published before the failure: " + keys);
        assertTrue(keys.get(0).endsWith("-00000.parquet"));
        assertEquals(MAPPER.createObjectNode().set("customers", firstCheckpoint(run)),
                MAPPER.readTree(emulator.get(bucket, "state/sample.json")).get("streams"), "state covers the landed part only");
        assertLandedPartHoldsTheFirstCheckpoint(bucket, keys.get(0));
        assertEquals(0, emulator.pendingUploads(bucket));
    }

    @Test
    void theStoreGoingAwayMidStreamLeavesTheLandedPartAndItsStateOnly() throws Exception {
        String bucket = emulator.createBucket("fault-stopped");
        proxy.stubFor(put(urlPathMatching(".*-00001\\.parquet")).atPriority(1).inScenario("store").whenScenarioStateIs(STARTED)
                .willSetStateTo("gone").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        proxy.stubFor(any(anyUrl()).atPriority(2).inScenario("store").whenScenarioStateIs("gone")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CliRun run = sync(bucket);
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("FAILED", run.summary().get("status").asText());
        assertTrue(run.stderr().strip().startsWith("Writing s3://" + bucket + "/state/sample.json failed: cannot reach the S3 endpoint"),
                run.stderr());
        proxy.resetAll(); // the store is back: inspect it directly
        List<String> keys = emulator.keys(bucket, "out/");
        assertEquals(1, keys.size(), keys.toString());
        assertTrue(keys.get(0).endsWith("-00000.parquet"));
        assertEquals(MAPPER.createObjectNode().set("customers", firstCheckpoint(run)),
                MAPPER.readTree(emulator.get(bucket, "state/sample.json")).get("streams"));
        assertLandedPartHoldsTheFirstCheckpoint(bucket, keys.get(0));
    }

    private void assertLandedPartHoldsTheFirstCheckpoint(String bucket, String key) throws Exception {
        Path part = tmp.resolve("part.parquet");
        Files.write(part, emulator.get(bucket, key));
        try (Duck duck = new Duck()) {
            assertEquals(50_000, duck.rows(part.toString(), "id").size(), "the sample source checkpoints every 50,000 records");
        }
    }

    @Test
    void aFailedPartAbortsTheMultipartUploadAndNothingIsVisible() throws Exception {
        String bucket = emulator.createBucket("fault-multipart");
        proxy.stubFor(put(urlPathEqualTo("/" + bucket + "/big/x.bin")).withQueryParam("partNumber", equalTo("2")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/xml").withBody(INTERNAL_ERROR)));
        byte[] content = new byte[11 * 1024 * 1024];
        new Random(3).nextBytes(content);
        try (ObjectStorage storage = open("s3://" + bucket + "/big/")) {
            Path staged = storage.stage("x.bin");
            Files.write(staged, content);
            IOException e = assertThrows(IOException.class, () -> storage.publish(staged, "x.bin"));
            assertEquals("Uploading s3://" + bucket + "/big/x.bin failed: InternalError, HTTP 500, We encountered an internal error."
                    + " Please try again..", e.getMessage());
            storage.discard(staged);
        }
        assertEquals(List.of(), emulator.keys(bucket, ""));
        assertEquals(0, emulator.pendingUploads(bucket), "the upload was aborted");
    }

    @Test
    void throttlingIsRetriedByTheSdkWithBackoff() throws Exception {
        String bucket = emulator.createBucket("fault-throttled");
        String slowDown = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>";
        proxy.stubFor(put(urlPathEqualTo("/" + bucket + "/t/k.bin")).atPriority(1).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willSetStateTo("once").willReturn(aResponse().withStatus(503).withBody(slowDown)));
        proxy.stubFor(put(urlPathEqualTo("/" + bucket + "/t/k.bin")).atPriority(1).inScenario("throttle").whenScenarioStateIs("once")
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(503).withBody(slowDown)));
        byte[] content = "after two 503 SlowDown answers".getBytes();
        try (ObjectStorage storage = open("s3://" + bucket + "/t/")) {
            Path staged = storage.stage("k.bin");
            Files.write(staged, content);
            storage.publish(staged, "k.bin");
        }
        assertArrayEquals(content, emulator.get(bucket, "t/k.bin"));
    }

    @Test
    void aStoreThatRejectsTheConditionalStateWriteIsARace() throws Exception {
        String bucket = emulator.createBucket("fault-race");
        String preconditionFailed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>PreconditionFailed</Code>"
                + "<Message>At least one of the pre-conditions you specified did not hold</Message></Error>";
        try (ObjectStorage storage = open("s3://" + bucket + "/state/")) {
            String version = storage.write("x.json", StorageContract.bytes("{}"), Optional.empty());
            // another writer slipped in between this writer's ETag check and its PUT: the store refuses the If-Match
            proxy.stubFor(put(urlPathEqualTo("/" + bucket + "/state/x.json")).atPriority(1)
                    .willReturn(aResponse().withStatus(412).withHeader("Content-Type", "application/xml").withBody(preconditionFailed)));
            ConcurrentWriteException e = assertThrows(ConcurrentWriteException.class,
                    () -> storage.write("x.json", StorageContract.bytes("{\"a\":1}"), Optional.of(version)));
            assertTrue(e.getMessage().startsWith("s3://" + bucket + "/state/x.json was changed by another writer"), e.getMessage());
        }
        assertEquals("{}", new String(emulator.get(bucket, "state/x.json")));
    }

    private ObjectStorage open(String url) {
        return new SdkStorageFactory(name -> Optional.ofNullable(environment.get(name)), new TransferSettings(5 << 20, 5 << 20, 2, 3))
                .open(URI.create(url));
    }
}
