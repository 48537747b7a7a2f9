package io.solidafy.cdk.cloud.azure.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.solidafy.cdk.cloud.testing.CliProcess;
import io.solidafy.cdk.cloud.testing.ReadBack;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code read --format parquet --output az://...} end to end: the real CLI in a child JVM against Azurite. */
class AzureCliTest {

    private static final CliProcess CLI = new CliProcess(name -> !name.startsWith("AZURE_"));

    /** The sample source checkpoints every 50,000 records: with checkpoint_part_size=0 this makes two parts. */
    static final int COUNT = 60_000;
    static final String CONFIG = "{\"count\":" + COUNT + "}";

    static Azurite azurite;

    @TempDir
    Path work;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start();
    }

    @AfterAll
    static void stopAzurite() {
        azurite.close();
    }

    private CliRun sync(Map<String, String> environment, String url) throws Exception {
        return CLI.run(environment, work, "read", "-c", "sample", "--config-json", CONFIG, "-s", "customers",
                "-f", "parquet", "-o", url, "--sink-option", "checkpoint_part_size=0");
    }

    @Test
    void aMultiPartStreamLandsUnderThePrefixAndReadsBackRecordForRecord() throws Exception {
        BlobContainerClient container = azurite.newContainer();
        String url = "az://" + container.getBlobContainerName() + "/exports/sample/";

        CliRun first = sync(azurite.environment(), url);

        assertEquals(0, first.exitCode(), first.toString());
        assertEquals("SUCCEEDED", first.summary().get("status").asText(), first.toString());
        List<String> files = texts(first.summaryStream("customers").get("output_files"));
        assertEquals(2, files.size(), files.toString());
        assertEquals(files.get(0), first.summaryStream("customers").get("output_file").asText());
        String partition = url + "customers/dt=" + LocalDate.now(ZoneOffset.UTC) + "/part-";
        files.forEach(f -> assertTrue(f.startsWith(partition) && f.endsWith(".parquet"), f));
        assertEquals(files.stream().map(f -> blobName(container, f)).sorted().toList(), AzureBlobStorageTest.names(container),
                "exactly the published parts are visible, nothing else (no probe, no staging)");

        Path downloaded = Files.createDirectories(work.resolve("downloaded"));
        for (String name : AzureBlobStorageTest.names(container)) {
            container.getBlobClient(name).downloadToFile(downloaded.resolve(name.replace('/', '_')).toString());
        }
        Path records = work.resolve("records.jsonl");
        assertEquals(0, CLI.run(Map.of(), work, records, "read", "-c", "sample", "--config-json", CONFIG, "-s", "customers"));
        assertEquals(COUNT, ReadBack.assertSameRecords(downloaded, records, "customers"));

        CliRun second = sync(azurite.environment(), url);
        assertEquals(0, second.exitCode(), second.toString());
        List<String> secondFiles = texts(second.summaryStream("customers").get("output_files"));
        Set<String> all = new HashSet<>(files);
        all.addAll(secondFiles);
        assertEquals(4, all.size(), "a second run writes new names beside the first run's: " + all);
        assertEquals(4, AzureBlobStorageTest.names(container).size());
    }

    @Test
    void anUnknownContainerFailsBeforeTheSourceIsRead() throws Exception {
        CliRun run = sync(azurite.environment(), "az://no-such-container/x/");

        assertEquals(1, run.exitCode(), run.toString());
        String sentence = "Azure container 'no-such-container' does not exist in storage account 'devstoreaccount1'; create it or fix the az:// URL.";
        assertEquals(sentence, run.stderr().strip());
        assertEquals("FAILED", run.summary().get("status").asText());
        assertEquals(sentence, run.summary().get("error").asText());
        assertTrue(run.logs("INFO").stream().noneMatch(m -> m.startsWith("Starting sync")), run.toString());
    }

    @Test
    void missingCredentialsFailWithOneSentence() throws Exception {
        CliRun run = sync(Map.of(), "az://c/x/");

        assertEquals(1, run.exitCode(), run.toString());
        assertEquals("Azure output needs credentials: set AZURE_STORAGE_ACCOUNT_NAME with AZURE_STORAGE_ACCOUNT_KEY, "
                + "AZURE_STORAGE_SAS_TOKEN or AZURE_STORAGE_TOKEN, or set AZURE_STORAGE_CONNECTION_STRING.", run.stderr().strip());
        assertEquals("FAILED", run.summary().get("status").asText());
    }

    /**
     * Azure starts failing uploads after the first part landed: the stream fails, the failed part is
     * not visible, and STATE stays at the first part's checkpoint.
     */
    @Test
    void uploadErrorsMidStreamFailTheStreamAndKeepStateBehindTheData() throws Exception {
        BlobContainerClient container = azurite.newContainer();
        WireMockServer proxy = new WireMockServer(options().dynamicPort());
        proxy.start();
        try {
            proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + azurite.port)));
            // every Put Blob of a part file: the first goes through, every later one fails
            proxy.stubFor(put(urlPathMatching(".*\\.parquet")).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                    .atPriority(1).willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + azurite.port)).willSetStateTo("down"));
            proxy.stubFor(put(urlPathMatching(".*\\.parquet")).inScenario("outage").whenScenarioStateIs("down")
                    .atPriority(1).willReturn(aResponse().withStatus(500).withHeader("x-ms-error-code", "InternalError")
                            .withHeader("Content-Type", "application/xml")
                            .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InternalError</Code>"
                                    + "<Message>The server encountered an internal error.</Message></Error>")));
            Map<String, String> environment = new HashMap<>(azurite.environment());
            environment.put(AzureSettings.ENDPOINT, "http://127.0.0.1:" + proxy.port() + "/" + Azurite.ACCOUNT);

            CliRun run = sync(environment, "az://" + container.getBlobContainerName() + "/exports/");

            assertEquals(0, run.exitCode(), run.toString());
            JsonNode stream = run.summaryStream("customers");
            assertEquals("FAILED", stream.get("status").asText(), run.toString());
            assertTrue(stream.get("error").asText().contains("Azure answered 500 InternalError"), stream.toString());
            assertEquals("FAILED", run.summary().get("status").asText());
            List<String> visible = AzureBlobStorageTest.names(container);
            assertEquals(1, visible.size(), "only the part that landed is visible: " + visible);
            assertTrue(proxy.countRequestsMatching(WireMock.putRequestedFor(urlPathMatching(".*\\.parquet")).build()).getCount() > 2,
                    "the SDK retried the failed upload");

            List<JsonNode> streamStates = new ArrayList<>();
            run.ofType("STATE").stream().filter(s -> s.at("/state/type").asText().equals("STREAM")).forEach(streamStates::add);
            assertEquals(1, streamStates.size(), "STATE only for the part that landed: " + streamStates);
            JsonNode landedCursor = streamStates.get(0).at("/state/stream/stream_state/cursor");
            assertEquals(landedCursor, run.state().at("/streams/customers/cursor"), "the final STATE does not move past the landed part");
        } finally {
            proxy.stop();
        }
    }

    private static String blobName(BlobContainerClient container, String url) {
        return url.substring(("az://" + container.getBlobContainerName() + "/").length());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        assertFalse(texts.isEmpty());
        return texts;
    }
}
