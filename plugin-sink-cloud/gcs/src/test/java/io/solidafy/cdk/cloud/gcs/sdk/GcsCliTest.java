package io.solidafy.cdk.cloud.gcs.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.solidafy.cdk.cloud.testing.CliProcess;
import io.solidafy.cdk.cloud.testing.ReadBack;
import io.solidafy.cdk.runtime.testing.CliRun;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read --format parquet --output gs://...} end to end: the real CLI in a child JVM, the real
 * client library over HTTP, WireMock answering as the GCS JSON API does. What GCS received (the
 * finalized uploads) is read back with DuckDB.
 */
class GcsCliTest {

    private static final CliProcess CLI = new CliProcess(name -> !name.startsWith("GOOGLE_") && !name.startsWith("GCS_"));

    /** The sample source checkpoints every 50,000 records: with checkpoint_part_size=0 this makes two parts. */
    static final int COUNT = 60_000;
    static final String CONFIG = "{\"count\":" + COUNT + "}";
    static final String UPLOADS = "/upload/storage/v1/b/bucket/o";

    WireMockServer gcs;

    @TempDir
    Path work;

    @BeforeEach
    void start() {
        gcs = new WireMockServer(options().dynamicPort());
        gcs.start();
        gcs.stubFor(get(urlPathEqualTo("/storage/v1/b/bucket/iam/testPermissions"))
                .willReturn(okJson("{\"kind\":\"storage#testIamPermissionsResponse\",\"permissions\":[\"storage.objects.create\"]}")));
        // a resumable session per object, under ifGenerationMatch=0; the session id carries the object's name
        gcs.stubFor(post(urlPathEqualTo(UPLOADS)).withQueryParam("uploadType", equalTo("resumable"))
                .withQueryParam("ifGenerationMatch", equalTo("0"))
                .willReturn(aResponse().withStatus(200).withTransformers("response-template")
                        .withHeader("Location", gcs.baseUrl() + UPLOADS + "?uploadType=resumable&upload_id={{urlEncode (jsonPath request.body '$.name')}}")));
    }

    @AfterEach
    void stop() {
        gcs.stop();
    }

    /** GCS's answer to the last chunk of a session: the finalized object. */
    static ResponseDefinitionBuilder finalized() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"kind\":\"storage#object\",\"bucket\":\"bucket\",\"name\":\"{{request.query.upload_id}}\","
                        + "\"generation\":\"1765707300000001\",\"metageneration\":\"1\",\"storageClass\":\"STANDARD\","
                        + "\"size\":\"{{regexExtract request.headers.Content-Range '[0-9]+$'}}\"}");
    }

    private CliRun sync() throws Exception {
        return CLI.run(Map.of(GcsSettings.ENDPOINT, gcs.baseUrl()), work, "read", "-c", "sample", "--config-json", CONFIG,
                "-s", "customers", "-f", "parquet", "-o", "gs://bucket/exports/", "--sink-option", "checkpoint_part_size=0");
    }

    /** Object name -> bytes of every upload GCS finalized (answered 200). */
    private Map<String, byte[]> finalizedObjects() {
        Map<String, byte[]> objects = new TreeMap<>();
        for (ServeEvent event : gcs.getAllServeEvents()) {
            if (event.getRequest().getMethod().getName().equals("PUT") && event.getResponse().getStatus() == 200) {
                String name = URLDecoder.decode(event.getRequest().queryParameter("upload_id").firstValue(), StandardCharsets.UTF_8);
                objects.put(name, event.getRequest().getBody());
            }
        }
        return objects;
    }

    @Test
    void aMultiPartStreamIsUploadedUnderThePrefixAndReadsBackRecordForRecord() throws Exception {
        gcs.stubFor(put(urlPathEqualTo(UPLOADS)).willReturn(finalized()));

        CliRun run = sync();

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("SUCCEEDED", run.summary().get("status").asText(), run.toString());
        List<String> files = new ArrayList<>();
        run.summaryStream("customers").get("output_files").forEach(f -> files.add(f.asText()));
        assertEquals(2, files.size(), files.toString());
        String partition = "gs://bucket/exports/customers/dt=" + LocalDate.now(ZoneOffset.UTC) + "/part-";
        files.forEach(f -> assertTrue(f.startsWith(partition) && f.endsWith(".parquet"), f));
        Map<String, byte[]> objects = finalizedObjects();
        assertEquals(files.stream().map(f -> f.substring("gs://bucket/".length())).sorted().toList(), List.copyOf(objects.keySet()),
                "exactly the published parts were finalized");

        Path downloaded = Files.createDirectories(work.resolve("downloaded"));
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            Files.write(downloaded.resolve(object.getKey().replace('/', '_')), object.getValue());
        }
        Path records = work.resolve("records.jsonl");
        assertEquals(0, CLI.run(Map.of(), work, records, "read", "-c", "sample", "--config-json", CONFIG, "-s", "customers"));
        assertEquals(COUNT, ReadBack.assertSameRecords(downloaded, records, "customers"));
    }

    @Test
    void anUnknownBucketFailsBeforeTheSourceIsRead() throws Exception {
        gcs.stubFor(get(urlPathEqualTo("/storage/v1/b/bucket/iam/testPermissions")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":404,\"message\":\"The specified bucket does not exist.\","
                        + "\"errors\":[{\"message\":\"The specified bucket does not exist.\",\"domain\":\"global\",\"reason\":\"notFound\"}]}}")));

        CliRun run = sync();

        assertEquals(1, run.exitCode(), run.toString());
        String sentence = "GCS bucket 'bucket' does not exist; create it or fix the gs:// URL.";
        assertEquals(sentence, run.stderr().strip());
        assertEquals(sentence, run.summary().get("error").asText());
        assertTrue(run.logs("INFO").stream().noneMatch(m -> m.startsWith("Starting sync")), run.toString());
        assertEquals(List.of(), gcs.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(UPLOADS))));
    }

    /**
     * The bucket starts refusing uploads after the first part was finalized: the stream fails,
     * nothing more is finalized, and STATE stays at the first part's checkpoint.
     */
    @Test
    void uploadErrorsMidStreamFailTheStreamAndKeepStateBehindTheData() throws Exception {
        gcs.stubFor(put(urlPathEqualTo(UPLOADS)).inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(finalized()).willSetStateTo("refusing"));
        gcs.stubFor(put(urlPathEqualTo(UPLOADS)).inScenario("revoked").whenScenarioStateIs("refusing")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":403,\"message\":\"Access denied.\",\"errors\":[{\"message\":\"Access denied.\","
                                + "\"domain\":\"global\",\"reason\":\"forbidden\"}]}}")));

        CliRun run = sync();

        assertEquals(0, run.exitCode(), run.toString());
        JsonNode stream = run.summaryStream("customers");
        assertEquals("FAILED", stream.get("status").asText(), run.toString());
        assertTrue(stream.get("error").asText().contains("GCS answered 403"), stream.toString());
        assertEquals(1, finalizedObjects().size(), "only the first part was finalized");
        List<JsonNode> streamStates = run.ofType("STATE").stream().filter(s -> s.at("/state/type").asText().equals("STREAM")).toList();
        assertEquals(1, streamStates.size(), "STATE only for the part that landed: " + streamStates);
        assertEquals(streamStates.get(0).at("/state/stream/stream_state/cursor"), run.state().at("/streams/customers/cursor"),
                "the final STATE does not move past the landed part");
    }
}
