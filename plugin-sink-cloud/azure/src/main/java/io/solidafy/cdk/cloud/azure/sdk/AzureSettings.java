package io.solidafy.cdk.cloud.azure.sdk;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.solidafy.cdk.spi.ConnectorException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The Azure connection as the {@code AZURE_STORAGE_*} environment variables describe it: a
 * connection string, or an account name with a key, a SAS token or a bearer token; optionally
 * another blob endpoint (Azurite, sovereign clouds).
 */
record AzureSettings(Optional<String> connectionString, Optional<String> accountName, Optional<String> accountKey,
        Optional<String> sasToken, Optional<String> bearerToken, Optional<String> endpoint) {

    static final String CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
    static final String ACCOUNT_NAME = "AZURE_STORAGE_ACCOUNT_NAME";
    static final String ACCOUNT_KEY = "AZURE_STORAGE_ACCOUNT_KEY";
    static final String SAS_TOKEN = "AZURE_STORAGE_SAS_TOKEN";
    static final String TOKEN = "AZURE_STORAGE_TOKEN";
    static final String ENDPOINT = "AZURE_STORAGE_ENDPOINT";

    /**
     * Retries are the SDK's: exponential back-off on throttling (429, 503) and dropped connections,
     * short enough that an unreachable endpoint fails within seconds.
     */
    private static final RequestRetryOptions RETRIES = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 4, (Duration) null,
            Duration.ofMillis(500), Duration.ofSeconds(30), null);

    static AzureSettings from(Map<String, String> environment) {
        AzureSettings settings = new AzureSettings(value(environment, CONNECTION_STRING), value(environment, ACCOUNT_NAME),
                value(environment, ACCOUNT_KEY), value(environment, SAS_TOKEN), value(environment, TOKEN), value(environment, ENDPOINT));
        settings.requireCredentials();
        return settings;
    }

    private void requireCredentials() {
        if (connectionString.isPresent()) {
            return;
        }
        if (accountName.isEmpty()) {
            throw new ConnectorException("Azure output needs credentials: set " + ACCOUNT_NAME + " with " + ACCOUNT_KEY + ", "
                    + SAS_TOKEN + " or " + TOKEN + ", or set " + CONNECTION_STRING + ".");
        }
        if (accountKey.isEmpty() && sasToken.isEmpty() && bearerToken.isEmpty()) {
            throw new ConnectorException(ACCOUNT_NAME + " is set but no credential is: set " + ACCOUNT_KEY + ", " + SAS_TOKEN
                    + " or " + TOKEN + ".");
        }
        accountKey.ifPresent(key -> {
            try {
                Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw new ConnectorException(ACCOUNT_KEY + " is not an account key (Base64); copy key1 or key2 from the storage account's access keys.");
            }
        });
    }

    /** Where blobs are addressed, for messages (never carries a credential). */
    String account() {
        return accountName.orElse("of the connection string");
    }

    BlobContainerClient containerClient(String container) {
        try {
            return buildContainerClient(container);
        } catch (IllegalArgumentException | IllegalStateException e) { // the SDK's checks of the connection string and endpoint
            String variable = connectionString.isPresent() ? CONNECTION_STRING : ENDPOINT;
            throw new ConnectorException(variable + " is not usable (" + e.getClass().getSimpleName() + "); check its format"
                    + (variable.equals(ENDPOINT) ? ", e.g. http://127.0.0.1:10000/devstoreaccount1." : ", e.g. DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net."), e);
        }
    }

    private BlobContainerClient buildContainerClient(String container) {
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
                .httpClient(new JdkHttpClientBuilder().build())
                .retryOptions(RETRIES);
        if (connectionString.isPresent()) {
            builder.connectionString(connectionString.get());
            endpoint.ifPresent(builder::endpoint);
        } else {
            builder.endpoint(endpoint.orElse("https://" + accountName.get() + ".blob.core.windows.net"));
            if (accountKey.isPresent()) {
                builder.credential(new StorageSharedKeyCredential(accountName.get(), accountKey.get()));
            } else if (sasToken.isPresent()) {
                builder.credential(new AzureSasCredential(sasToken.get()));
            } else {
                builder.credential(staticToken(bearerToken.get()));
            }
        }
        return builder.buildClient().getBlobContainerClient(container);
    }

    /** A bearer token obtained elsewhere (e.g. {@code az account get-access-token}); its expiry is the issuer's business. */
    private static TokenCredential staticToken(String token) {
        AccessToken access = new AccessToken(token, OffsetDateTime.now().plusYears(1));
        return request -> Mono.just(access);
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public String toString() {
        return "AzureSettings[account=" + account() + ", endpoint=" + endpoint.orElse("default") + "]";
    }
}
