package io.solidafy.cdk.cloud.azure.sdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.azure.storage.blob.BlobContainerClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.solidafy.cdk.cloud.azure.AzureStorageFactory;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.storage.ConcurrentWriteException;
import io.solidafy.cdk.spi.storage.ObjectStorage;
import io.solidafy.cdk.spi.storage.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storage against a real Azurite: publishing, never overwriting, state writes, fail-fast checks. */
class AzureBlobStorageTest {

    static Azurite azurite;
    BlobContainerClient container;
    ObjectStorage storage;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start();
    }

    @AfterAll
    static void stopAzurite() {
        azurite.close();
    }

    @BeforeEach
    void openStorage() {
        container = azurite.newContainer();
        storage = open(azurite.environment(), "az://" + container.getBlobContainerName() + "/exports/stripe");
    }

    static ObjectStorage open(Map<String, String> environment, String url) {
        return new AzureStorageFactory(environment).open(URI.create(url));
    }

    static List<String> names(BlobContainerClient container) {
        return container.listBlobs(new ListBlobsOptions(), null).stream().map(BlobItem::getName).sorted().toList();
    }

    @Test
    void publishesALargeFileAsCommittedBlocksUnderThePrefix() throws IOException {
        byte[] content = new byte[20 * 1024 * 1024 + 123]; // three blocks of 8 MiB
        new Random(7).nextBytes(content);
        String key = "customers/dt=2025-12-14/part-1.parquet";
        Path staged = storage.stage(key);
        Files.write(staged, content);
        assertEquals(List.of(), names(container), "staged data is not visible");

        String url = storage.publish(staged, key);

        assertEquals("az://" + container.getBlobContainerName() + "/exports/stripe/" + key, url);
        assertEquals(List.of("exports/stripe/" + key), names(container));
        assertArrayEquals(content, container.getBlobClient("exports/stripe/" + key).downloadContent().toBytes());
        assertFalse(Files.exists(staged), "the local staging file is removed once published");

        Path again = storage.stage(key);
        Files.write(again, new byte[content.length]);
        IOException refused = assertThrows(IOException.class, () -> storage.publish(again, key), "the block list commit is conditional too");
        assertTrue(refused.getMessage().startsWith("Refusing to overwrite existing blob"), refused.getMessage());
        assertArrayEquals(content, container.getBlobClient("exports/stripe/" + key).downloadContent().toBytes());
        storage.discard(again);
    }

    @Test
    void neverOverwritesAnExistingBlob() throws IOException {
        String key = "orders/part-1.parquet";
        Path first = storage.stage(key);
        Files.writeString(first, "first");
        storage.publish(first, key);
        Path second = storage.stage(key);
        Files.writeString(second, "second");

        IOException e = assertThrows(IOException.class, () -> storage.publish(second, key));

        assertTrue(e.getMessage().startsWith("Refusing to overwrite existing blob az://"), e.getMessage());
        assertEquals("first", container.getBlobClient("exports/stripe/" + key).downloadContent().toString());
        storage.discard(second);
        assertFalse(Files.exists(second));
    }

    @Test
    void stateWritesAreConditionalOnTheVersionRead() throws IOException {
        String key = "state/stripe.json";
        assertEquals(Optional.empty(), storage.read(key), "a first run finds no state");

        String v1 = storage.write(key, bytes("{\"n\":1}"), Optional.empty());
        ConcurrentWriteException created = assertThrows(ConcurrentWriteException.class,
                () -> storage.write(key, bytes("{\"n\":9}"), Optional.empty()));
        assertTrue(created.getMessage().contains("was created by another run"), created.getMessage());

        StoredObject read = storage.read(key).orElseThrow();
        assertEquals("{\"n\":1}", new String(read.bytes(), StandardCharsets.UTF_8));
        assertEquals(v1, read.version());

        String v2 = storage.write(key, bytes("{\"n\":2}"), Optional.of(v1));
        assertNotEquals(v1, v2);
        ConcurrentWriteException lost = assertThrows(ConcurrentWriteException.class,
                () -> storage.write(key, bytes("{\"n\":3}"), Optional.of(v1)), "a writer holding the old ETag lost the race");
        assertTrue(lost.getMessage().contains("was changed by another run"), lost.getMessage());
        assertEquals("{\"n\":2}", new String(storage.read(key).orElseThrow().bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anEmulatorStoppedBeforeTheUploadFailsItNamingTheBlob() throws Exception {
        Azurite doomed = Azurite.start();
        BlobContainerClient container;
        ObjectStorage storage;
        Path staged;
        try {
            container = doomed.newContainer();
            storage = open(doomed.environment(), "az://" + container.getBlobContainerName() + "/x/");
            storage.checkWritable();
            staged = storage.stage("a.parquet");
            Files.write(staged, new byte[1024]);
        } finally {
            doomed.close();
        }

        IOException e = assertThrows(IOException.class, () -> storage.publish(staged, "a.parquet"));

        assertTrue(e.getMessage().startsWith("Could not upload az://" + container.getBlobContainerName() + "/x/a.parquet: "), e.getMessage());
        assertTrue(e.getMessage().contains("Connect"), "names the cause: " + e.getMessage());
        storage.discard(staged);
        assertFalse(Files.exists(staged));
    }

    /** Azure answers 503 ServerBusy to the first upload: the SDK backs off, retries, and the blob lands once. */
    @Test
    void throttlingIsRetriedByTheSdk() throws IOException {
        WireMockServer proxy = new WireMockServer(options().dynamicPort());
        proxy.start();
        try {
            proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + azurite.port)));
            proxy.stubFor(put(urlPathMatching(".*\\.parquet")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED).atPriority(1)
                    .willReturn(aResponse().withStatus(503).withHeader("x-ms-error-code", "ServerBusy").withHeader("Content-Type", "application/xml")
                            .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>ServerBusy</Code>"
                                    + "<Message>The server is currently unable to receive requests. Please retry your request.</Message></Error>"))
                    .willSetStateTo("calm"));
            Map<String, String> environment = new HashMap<>(azurite.environment());
            environment.put(AzureSettings.ENDPOINT, "http://127.0.0.1:" + proxy.port() + "/" + Azurite.ACCOUNT);
            ObjectStorage throttled = open(environment, "az://" + container.getBlobContainerName() + "/t/");
            Path staged = throttled.stage("a.parquet");
            Files.writeString(staged, "content");

            throttled.publish(staged, "a.parquet");

            assertEquals(2, proxy.countRequestsMatching(putRequestedFor(urlPathMatching(".*\\.parquet")).build()).getCount());
            assertEquals("content", container.getBlobClient("t/a.parquet").downloadContent().toString());
        } finally {
            proxy.stop();
        }
    }

    @Test
    void checkWritableLeavesNothingVisible() throws IOException {
        storage.checkWritable();
        assertEquals(List.of(), names(container));
    }

    @Test
    void anUnknownContainerFailsFastNamingIt() {
        ObjectStorage missing = open(azurite.environment(), "az://no-such-container/x/");
        ConnectorException e = assertThrows(ConnectorException.class, missing::checkWritable);
        assertEquals("Azure container 'no-such-container' does not exist in storage account 'devstoreaccount1'; create it or fix the az:// URL.",
                e.getMessage());
    }

    @Test
    void aWrongKeyFailsFastNamingTheVariables() {
        Map<String, String> environment = new HashMap<>(azurite.environment());
        environment.put(AzureSettings.ACCOUNT_KEY, "d3Jvbmcta2V5LXdyb25nLWtleQ==");
        ObjectStorage denied = open(environment, "az://" + container.getBlobContainerName() + "/");
        ConnectorException e = assertThrows(ConnectorException.class, denied::checkWritable);
        assertTrue(e.getMessage().startsWith("Azure refused writing to container '" + container.getBlobContainerName()
                + "' of storage account 'devstoreaccount1'"), e.getMessage());
        assertTrue(e.getMessage().contains("AZURE_STORAGE_ACCOUNT_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("d3Jvbmc"), "the key never appears");
    }

    @Test
    void missingCredentialsNameTheVariables() {
        ConnectorException none = assertThrows(ConnectorException.class, () -> open(Map.of(), "az://c/p/"));
        assertEquals("Azure output needs credentials: set AZURE_STORAGE_ACCOUNT_NAME with AZURE_STORAGE_ACCOUNT_KEY, "
                + "AZURE_STORAGE_SAS_TOKEN or AZURE_STORAGE_TOKEN, or set AZURE_STORAGE_CONNECTION_STRING.", none.getMessage());
        ConnectorException noKey = assertThrows(ConnectorException.class,
                () -> open(Map.of(AzureSettings.ACCOUNT_NAME, "acct"), "az://c/p/"));
        assertEquals("AZURE_STORAGE_ACCOUNT_NAME is set but no credential is: set AZURE_STORAGE_ACCOUNT_KEY, "
                + "AZURE_STORAGE_SAS_TOKEN or AZURE_STORAGE_TOKEN.", noKey.getMessage());
        ConnectorException noContainer = assertThrows(ConnectorException.class, () -> open(azurite.environment(), "az:///p/"));
        assertTrue(noContainer.getMessage().contains("names no container"), noContainer.getMessage());
    }

    @Test
    void malformedSettingsNameTheVariableWithoutQuotingIt() {
        ConnectorException key = assertThrows(ConnectorException.class, () -> open(Map.of(AzureSettings.ACCOUNT_NAME, "acct",
                AzureSettings.ACCOUNT_KEY, "not-base64-secret!"), "az://c/p/"));
        assertEquals("AZURE_STORAGE_ACCOUNT_KEY is not an account key (Base64); copy key1 or key2 from the storage account's access keys.",
                key.getMessage());
        ConnectorException connection = assertThrows(ConnectorException.class,
                () -> open(Map.of(AzureSettings.CONNECTION_STRING, "AccountKey=secret-value-123"), "az://c/p/"));
        assertTrue(connection.getMessage().startsWith("AZURE_STORAGE_CONNECTION_STRING is not usable"), connection.getMessage());
        assertFalse(connection.getMessage().contains("secret-value-123"), connection.getMessage());
        ConnectorException endpoint = assertThrows(ConnectorException.class, () -> open(Map.of(AzureSettings.ACCOUNT_NAME, "acct",
                AzureSettings.ACCOUNT_KEY, Azurite.KEY, AzureSettings.ENDPOINT, "not a url"), "az://c/p/"));
        assertTrue(endpoint.getMessage().startsWith("AZURE_STORAGE_ENDPOINT is not usable"), endpoint.getMessage());
    }

    @Test
    void aConnectionStringWorksToo() throws IOException {
        String connection = "DefaultEndpointsProtocol=http;AccountName=" + Azurite.ACCOUNT + ";AccountKey=" + Azurite.KEY
                + ";BlobEndpoint=" + azurite.endpoint() + ";";
        ObjectStorage viaConnectionString = open(Map.of(AzureSettings.CONNECTION_STRING, connection),
                "az://" + container.getBlobContainerName() + "/cs/");
        viaConnectionString.checkWritable();
        viaConnectionString.write("s.json", bytes("{}"), Optional.empty());
        assertEquals(List.of("cs/s.json"), names(container));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
