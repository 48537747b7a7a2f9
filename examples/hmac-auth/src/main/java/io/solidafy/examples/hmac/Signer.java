package io.solidafy.examples.hmac;

import io.solidafy.cdk.spi.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC of a text with one key, encoded as hex or Base64. Thread-safe: a {@link Mac} per call. */
final class Signer {

    private final SecretKeySpec key;
    private final boolean base64;

    Signer(String algorithm, String secret, String encoding) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm);
        this.base64 = encoding.equals("base64");
        mac(); // an unknown algorithm fails when the connector opens, not on the first request
    }

    String sign(String text) {
        byte[] digest = mac().doFinal(text.getBytes(StandardCharsets.UTF_8));
        return base64 ? Base64.getEncoder().encodeToString(digest) : HexFormat.of().formatHex(digest);
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(key.getAlgorithm());
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new ConnectorException("auth.algorithm '" + key.getAlgorithm() + "' is not an HMAC algorithm of this JVM (try HmacSHA256 or HmacSHA512).");
        }
    }
}
