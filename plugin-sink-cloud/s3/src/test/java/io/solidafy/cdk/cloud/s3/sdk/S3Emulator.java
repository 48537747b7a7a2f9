package io.solidafy.cdk.cloud.s3.sdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A real S3-compatible server for the tests, with the settings to reach it and a client to inspect it. */
abstract class S3Emulator implements AutoCloseable {

    static final String KEY = "test-access-key";
    static final String SECRET = "test-secret-key-0123456789";

    abstract URI endpoint();

    /** Whether the store rejects a PUT whose {@code If-None-Match: *} / {@code If-Match} precondition fails. */
    abstract boolean enforcesConditionalWrites();

    /** The environment variables a user would set to reach this store. */
    Map<String, String> environment() {
        return Map.of("AWS_ENDPOINT", endpoint().toString(), "AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET,
                "AWS_REGION", "us-east-1");
    }

    Function<String, Optional<String>> lookup() {
        Map<String, String> env = environment();
        return name -> Optional.ofNullable(env.get(name));
    }

    /** A plain SDK client, independent of the code under test, to create buckets and inspect objects. */
    S3Client client() {
        return S3Client.builder()
                .httpClient(Apache5HttpClient.create())
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    String createBucket(String name) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(name));
        }
        return name;
    }

    List<String> keys(String bucket, String prefix) {
        try (S3Client client = client()) {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(S3Object::key).sorted().toList();
        }
    }

    byte[] get(String bucket, String key) {
        try (S3Client client = client()) {
            return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        }
    }

    int pendingUploads(String bucket) {
        try (S3Client client = client()) {
            return client.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void awaitPort(int port, long timeoutMillis, Process process) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the emulator exited with code " + process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the emulator did not listen on port " + port + " within " + timeoutMillis + " ms");
    }
}
