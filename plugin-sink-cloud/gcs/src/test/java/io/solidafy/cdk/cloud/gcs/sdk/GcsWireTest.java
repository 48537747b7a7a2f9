package io.solidafy.cdk.cloud.gcs.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.solidafy.cdk.cloud.gcs.GcsStorageFactory;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client library over HTTP ({@code GCS_ENDPOINT}) against WireMock stubs of the GCS JSON
 * API: the requests carry the right preconditions, and GCS's answers (412, 404, 503) become the
 * right outcomes.
 */
class GcsWireTest {

    static final String PRECONDITION_FAILED = "{\"error\":{\"code\":412,\"message\":\"At least one of the pre-conditions you specified did not hold.\","
            + "\"errors\":[{\"message\":\"At least one of the pre-conditions you specified did not hold.\",\"domain\":\"global\","
            + "\"reason\":\"conditionNotMet\",\"locationType\":\"header\",\"location\":\"If-Match\"}]}}";

    WireMockServer gcs;
    ObjectStorage storage;

    @BeforeEach
    void start() {
        gcs = new WireMockServer(options().dynamicPort());
        gcs.start();
        storage = open("gs://bucket/exports/");
    }

    @AfterEach
    void stop() {
        gcs.stop();
    }

    ObjectStorage open(String url) {
        return new GcsStorageFactory(Map.of(GcsSettings.ENDPOINT, gcs.baseUrl())).open(URI.create(url));
    }

    static String object(String name, long generation, long size) {
        return "{\"kind\":\"storage#object\",\"id\":\"bucket/" + name + "/" + generation + "\",\"name\":\"" + name
                + "\",\"bucket\":\"bucket\",\"generation\":\"" + generation + "\",\"metageneration\":\"1\","
                + "\"contentType\":\"application/octet-stream\",\"storageClass\":\"STANDARD\",\"size\":\"" + size + "\","
                + "\"timeCreated\":\"2025-12-14T10:15:00.000Z\",\"updated\":\"2025-12-14T10:15:00.000Z\"}";
    }

    /** A resumable session started under ifGenerationMatch=0; its single chunk answered by {@code chunk}. */
    void resumableSession(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder chunk) {
        gcs.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/bucket/o")).withQueryParam("uploadType", equalTo("resumable"))
                .withQueryParam("ifGenerationMatch", equalTo("0"))
                .willReturn(aResponse().withStatus(200)
                        .withHeader("Location", gcs.baseUrl() + "/upload/storage/v1/b/bucket/o?uploadType=resumable&upload_id=session-1")));
        gcs.stubFor(put(urlPathEqualTo("/upload/storage/v1/b/bucket/o")).withQueryParam("upload_id", equalTo("session-1")).willReturn(chunk));
    }

    @Test
    void publishesWithAResumableUploadThatMayNotReplaceAnything() throws IOException {
        byte[] content = "PAR1 a small part file PAR1".getBytes(StandardCharsets.US_ASCII);
        String name = "exports/customers/dt=2025-12-14/part-1.parquet";
        resumableSession(okJson(object(name, 1765707300000001L, content.length)));
        Path staged = storage.stage("customers/dt=2025-12-14/part-1.parquet");
        Files.write(staged, content);

        String url = storage.publish(staged, "customers/dt=2025-12-14/part-1.parquet");

        assertEquals("gs://bucket/" + name, url);
        LoggedRequest start = gcs.findAll(postRequestedFor(urlPathEqualTo("/upload/storage/v1/b/bucket/o"))).get(0);
        assertTrue(start.getBodyAsString().contains(name), "the session names the object: " + start.getBodyAsString());
        List<LoggedRequest> chunks = gcs.findAll(putRequestedFor(urlPathEqualTo("/upload/storage/v1/b/bucket/o")));
        assertEquals(1, chunks.size());
        assertArrayEquals(content, chunks.get(0).getBody());
        assertFalse(Files.exists(staged));
    }

    @Test
    void anExistingObjectIsNeverReplaced() throws IOException {
        gcs.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/bucket/o")).withQueryParam("ifGenerationMatch", equalTo("0"))
                .willReturn(aResponse().withStatus(412).withHeader("Content-Type", "application/json").withBody(PRECONDITION_FAILED)));
        Path staged = storage.stage("a.parquet");
        Files.writeString(staged, "x");

        IOException e = assertThrows(IOException.class, () -> storage.publish(staged, "a.parquet"));

        assertEquals("Refusing to overwrite existing object gs://bucket/exports/a.parquet.", e.getMessage());
        assertEquals(0, gcs.findAll(putRequestedFor(urlPathEqualTo("/upload/storage/v1/b/bucket/o"))).size(), "no byte was sent");
    }

    @Test
    void anUploadThatKeepsFailingFailsAfterTheSdksRetriesAndNothingIsFinalized() throws IOException {
        resumableSession(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":503,\"message\":\"We encountered an internal error. Please try again.\","
                        + "\"errors\":[{\"message\":\"We encountered an internal error. Please try again.\",\"domain\":\"global\",\"reason\":\"backendError\"}]}}"));
        // the SDK's retries with short delays, so that the test does not wait through the production back-off
        ObjectStorage storage = new GcsStorage(StorageOptions.http().setHost(gcs.baseUrl()).setProjectId("test")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(3).setInitialRetryDelayDuration(Duration.ofMillis(10))
                        .setMaxRetryDelayDuration(Duration.ofMillis(50)).setTotalTimeoutDuration(Duration.ofSeconds(30)).build())
                .build().getService(), "bucket", "exports/");
        Path staged = storage.stage("a.parquet");
        Files.writeString(staged, "x".repeat(1000));

        IOException e = assertThrows(IOException.class, () -> storage.publish(staged, "a.parquet"));

        assertTrue(e.getMessage().startsWith("Could not upload gs://bucket/exports/a.parquet: GCS answered 503"), e.getMessage());
        assertTrue(gcs.findAll(putRequestedFor(urlPathEqualTo("/upload/storage/v1/b/bucket/o"))).size() > 1, "the SDK retried");
        storage.discard(staged);
        assertFalse(Files.exists(staged));
    }

    @Test
    void stateIsReadWithItsGenerationAndWrittenOnlyOverThatGeneration() throws IOException {
        gcs.stubFor(get(urlPathMatching("/storage/v1/b/bucket/o/exports(%2F|/)new\\.json"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":404,\"message\":\"No such object: bucket/exports/new.json\","
                                + "\"errors\":[{\"message\":\"No such object: bucket/exports/new.json\",\"domain\":\"global\",\"reason\":\"notFound\"}]}}")));
        assertEquals(Optional.empty(), storage.read("new.json"));

        gcs.stubFor(get(urlPathMatching("/storage/v1/b/bucket/o/exports(%2F|/)state\\.json"))
                .willReturn(okJson(object("exports/state.json", 7, 9))));
        gcs.stubFor(get(urlPathMatching("/download/storage/v1/b/bucket/o/exports(%2F|/)state\\.json")).withQueryParam("alt", equalTo("media"))
                .withQueryParam("generation", equalTo("7"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody("{\"n\":7}  ")));
        StoredObject read = storage.read("state.json").orElseThrow();
        assertEquals("{\"n\":7}  ", new String(read.bytes(), StandardCharsets.UTF_8));
        assertEquals("7", read.version());

        gcs.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/bucket/o")).withQueryParam("ifGenerationMatch", equalTo("7"))
                .willReturn(okJson(object("exports/state.json", 8, 7))));
        assertEquals("8", storage.write("state.json", "{\"n\":8}".getBytes(StandardCharsets.UTF_8), Optional.of("7")));
        LoggedRequest upload = gcs.findAll(postRequestedFor(urlPathEqualTo("/upload/storage/v1/b/bucket/o"))).get(0);
        assertTrue(upload.getBodyAsString().contains("{\"n\":8}"), "one request carries the whole new state");

        gcs.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/bucket/o")).withQueryParam("ifGenerationMatch", equalTo("0"))
                .willReturn(aResponse().withStatus(412).withHeader("Content-Type", "application/json").withBody(PRECONDITION_FAILED)));
        ConcurrentWriteException lost = assertThrows(ConcurrentWriteException.class,
                () -> storage.write("state.json", "{}".getBytes(StandardCharsets.UTF_8), Optional.empty()));
        assertEquals("gs://bucket/exports/state.json was created by another run since this run read it; "
                + "run again after that run ends, or give each run its own state object.", lost.getMessage());
    }

    /** GCS answers 429 to the first state write: with its generation precondition the write is idempotent, so the SDK retries it. */
    @Test
    void throttledConditionalWritesAreRetriedByTheSdk() throws IOException {
        gcs.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/bucket/o")).withQueryParam("ifGenerationMatch", equalTo("7"))
                .inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":429,\"message\":\"The object exceeded the rate limit for object mutation operations.\","
                                + "\"errors\":[{\"message\":\"The object exceeded the rate limit.\",\"domain\":\"usageLimits\",\"reason\":\"rateLimitExceeded\"}]}}"))
                .willSetStateTo("calm"));
        gcs.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/bucket/o")).withQueryParam("ifGenerationMatch", equalTo("7"))
                .inScenario("busy").whenScenarioStateIs("calm").willReturn(okJson(object("exports/state.json", 8, 2))));

        assertEquals("8", storage.write("state.json", "{}".getBytes(StandardCharsets.UTF_8), Optional.of("7")));
        assertEquals(2, gcs.findAll(postRequestedFor(urlPathEqualTo("/upload/storage/v1/b/bucket/o"))).size());
    }

    @Test
    void checkWritableAsksForTheCreatePermission() throws IOException {
        gcs.stubFor(get(urlPathEqualTo("/storage/v1/b/bucket/iam/testPermissions")).withQueryParam("permissions", equalTo("storage.objects.create"))
                .willReturn(okJson("{\"kind\":\"storage#testIamPermissionsResponse\",\"permissions\":[\"storage.objects.create\"]}")));
        storage.checkWritable();

        gcs.stubFor(get(urlPathEqualTo("/storage/v1/b/readonly/iam/testPermissions"))
                .willReturn(okJson("{\"kind\":\"storage#testIamPermissionsResponse\"}")));
        ConnectorException denied = assertThrows(ConnectorException.class, open("gs://readonly/x/")::checkWritable);
        assertEquals("The GCS credentials may not create objects in bucket 'readonly'; grant them storage.objects.create "
                + "(e.g. the Storage Object Creator role).", denied.getMessage());

        gcs.stubFor(get(urlPathEqualTo("/storage/v1/b/missing/iam/testPermissions"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":404,\"message\":\"The specified bucket does not exist.\","
                                + "\"errors\":[{\"message\":\"The specified bucket does not exist.\",\"domain\":\"global\",\"reason\":\"notFound\"}]}}")));
        ConnectorException missing = assertThrows(ConnectorException.class, open("gs://missing/x/")::checkWritable);
        assertEquals("GCS bucket 'missing' does not exist; create it or fix the gs:// URL.", missing.getMessage());
    }

    @Test
    void credentialsComeFromTheDocumentedVariables() throws IOException {
        ConnectorException none = assertThrows(ConnectorException.class, () -> GcsSettings.from(Map.of()).storage());
        assertEquals("GCS output needs credentials: set GOOGLE_SERVICE_ACCOUNT (path of a service-account key file) or "
                + "GOOGLE_SERVICE_ACCOUNT_KEY (the key's JSON), or configure application-default credentials.", none.getMessage());
        ConnectorException badJson = assertThrows(ConnectorException.class,
                () -> GcsSettings.from(Map.of(GcsSettings.KEY_JSON, "{\"type\":\"service_account\"}")).storage());
        assertEquals("GOOGLE_SERVICE_ACCOUNT_KEY does not hold a valid Google service-account key (JSON with type, client_email and private_key).",
                badJson.getMessage());
        ConnectorException noFile = assertThrows(ConnectorException.class,
                () -> GcsSettings.from(Map.of(GcsSettings.KEY_FILE, "/nonexistent/key.json")).storage());
        assertEquals("GOOGLE_SERVICE_ACCOUNT names /nonexistent/key.json, which is not a readable file.", noFile.getMessage());
    }
}
