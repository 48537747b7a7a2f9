package io.solidafy.cdk.cloud.gcs.sdk;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.solidafy.cdk.spi.ConnectorException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The GCS connection as the environment describes it: a service-account key file
 * ({@code GOOGLE_SERVICE_ACCOUNT}) or its JSON ({@code GOOGLE_SERVICE_ACCOUNT_KEY}), else
 * application-default credentials; {@code GCS_ENDPOINT} points at another endpoint (an emulator,
 * which then needs no credentials).
 */
record GcsSettings(Optional<String> keyFile, Optional<String> keyJson, Optional<String> endpoint, Optional<String> project) {

    static final String KEY_FILE = "GOOGLE_SERVICE_ACCOUNT";
    static final String KEY_JSON = "GOOGLE_SERVICE_ACCOUNT_KEY";
    static final String ENDPOINT = "GCS_ENDPOINT";
    static final String PROJECT = "GOOGLE_CLOUD_PROJECT";

    /**
     * Retries are the SDK's: exponential back-off on 429, 5xx and dropped connections for
     * idempotent requests (every request here is, thanks to the generation preconditions).
     */
    private static final RetrySettings RETRIES = RetrySettings.newBuilder()
            .setMaxAttempts(5)
            .setInitialRetryDelayDuration(Duration.ofMillis(500))
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(Duration.ofSeconds(16))
            .setTotalTimeoutDuration(Duration.ofMinutes(2))
            .setInitialRpcTimeoutDuration(Duration.ofSeconds(60))
            .setMaxRpcTimeoutDuration(Duration.ofSeconds(60))
            .setRpcTimeoutMultiplier(1.0)
            .build();

    static GcsSettings from(Map<String, String> environment) {
        return new GcsSettings(value(environment, KEY_FILE), value(environment, KEY_JSON), value(environment, ENDPOINT),
                value(environment, PROJECT));
    }

    Storage storage() {
        StorageOptions.Builder builder = StorageOptions.http().setCredentials(credentials()).setRetrySettings(RETRIES);
        endpoint.ifPresent(builder::setHost);
        builder.setProjectId(project.orElse("solidafy-cdk")); // objects need no project; only bucket creation would
        return builder.build().getService();
    }

    private Credentials credentials() {
        try {
            if (keyFile.isPresent()) {
                Path path = Path.of(keyFile.get());
                if (!Files.isReadable(path)) {
                    throw new ConnectorException(KEY_FILE + " names " + path + ", which is not a readable file.");
                }
                try (InputStream in = Files.newInputStream(path)) {
                    return ServiceAccountCredentials.fromStream(in);
                }
            }
            if (keyJson.isPresent()) {
                return ServiceAccountCredentials.fromStream(new ByteArrayInputStream(keyJson.get().getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConnectorException c) {
                throw c;
            }
            throw new ConnectorException((keyFile.isPresent() ? KEY_FILE + " does not name" : KEY_JSON + " does not hold")
                    + " a valid Google service-account key (JSON with type, client_email and private_key).", e);
        }
        if (endpoint.isPresent()) {
            return NoCredentials.getInstance();
        }
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new ConnectorException("GCS output needs credentials: set " + KEY_FILE + " (path of a service-account key file) or "
                    + KEY_JSON + " (the key's JSON), or configure application-default credentials.", e);
        }
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "GcsSettings[endpoint=" + endpoint.orElse("default") + "]";
    }
}
