package io.solidafy.cdk.cloud.s3.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.spi.ConnectorException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which variables lead where: the guide's names and the SDK's own. */
class S3SettingsTest {

    private static S3Settings resolve(String scheme, Map<String, String> env) {
        return S3Settings.resolve(scheme, name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void r2WithoutAnEndpointSaysWhatToSetInOneSentence() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> resolve("r2", Map.of("AWS_ACCESS_KEY_ID", "k", "AWS_SECRET_ACCESS_KEY", "s")));
        assertEquals("r2:// needs the account's endpoint: set AWS_ENDPOINT to https://<ACCOUNT_ID>.r2.cloudflarestorage.com (or set R2_ACCOUNT_ID).",
                e.getMessage());
    }

    @Test
    void r2FindsItsEndpointFromTheAccountIdAndUsesRegionAuto() {
        S3Settings settings = resolve("r2", Map.of("R2_ACCOUNT_ID", "abc123"));
        assertEquals(Optional.of(URI.create("https://abc123.r2.cloudflarestorage.com")), settings.endpoint());
        assertEquals(Optional.of("auto"), settings.region());
    }

    @Test
    void theEndpointComesFromAnyOfItsNamesTheSdksFirst() {
        assertEquals(URI.create("http://minio:9000"), resolve("s3", Map.of("AWS_ENDPOINT", "http://minio:9000/")).endpoint().orElseThrow());
        assertEquals(URI.create("http://a:1"), resolve("s3", Map.of("AWS_ENDPOINT", "http://b:2", "AWS_ENDPOINT_URL", "http://a:1")).endpoint().orElseThrow());
        assertEquals(Optional.empty(), resolve("s3", Map.of()).endpoint());
    }

    @Test
    void regionComesFromEitherVariable() {
        assertEquals(Optional.of("eu-west-1"), resolve("s3", Map.of("AWS_DEFAULT_REGION", "eu-west-1")).region());
        assertEquals(Optional.of("us-west-2"), resolve("s3", Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_REGION", "us-west-2")).region());
    }

    @Test
    void halfAKeyPairIsNamed() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> resolve("s3", Map.of("AWS_ACCESS_KEY_ID", "AKID")));
        assertEquals("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both.", e.getMessage());
    }

    @Test
    void keysCarryTheSessionTokenAndNeverPrintTheSecret() {
        S3Settings settings = resolve("s3", Map.of("AWS_ACCESS_KEY_ID", "AKID", "AWS_SECRET_ACCESS_KEY", "very-secret", "AWS_SESSION_TOKEN", "tok"));
        assertEquals(Optional.of("tok"), settings.keys().orElseThrow().sessionToken());
        assertTrue(!settings.toString().contains("very-secret") && !settings.toString().contains("tok"), settings.toString());
    }

    @Test
    void attemptsComeFromTheSdksVariable() {
        assertEquals(Optional.of(3), resolve("s3", Map.of("AWS_MAX_ATTEMPTS", "3")).maxAttempts());
        ConnectorException e = assertThrows(ConnectorException.class, () -> resolve("s3", Map.of("AWS_MAX_ATTEMPTS", "zero")));
        assertEquals("AWS_MAX_ATTEMPTS must be a whole number of at least 1, not 'zero'.", e.getMessage());
    }

    @Test
    void anEndpointThatIsNotAUrlIsNamed() {
        ConnectorException e = assertThrows(ConnectorException.class, () -> resolve("s3", Map.of("AWS_ENDPOINT", "minio:9000")));
        assertEquals("AWS_ENDPOINT must be an http:// or https:// URL, not 'minio:9000'.", e.getMessage());
    }
}
