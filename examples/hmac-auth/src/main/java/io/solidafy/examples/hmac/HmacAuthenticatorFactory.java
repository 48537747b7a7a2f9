package io.solidafy.examples.hmac;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.ComponentConfig;
import java.time.Clock;
import java.util.Set;

/**
 * {@code auth: {type: hmac, key_id: ..., secret: ...}}: signs every request the way many payment
 * and exchange APIs want it.
 *
 * <p>Keys (all templates): {@code key_id} and {@code secret} (required), {@code algorithm} ({@code
 * HmacSHA256}; any JDK {@code Mac} name), {@code encoding} ({@code hex} or {@code base64}), {@code
 * timestamp_unit} ({@code seconds} or {@code milliseconds}), and the header names {@code
 * key_header} ({@code X-Api-Key}), {@code timestamp_header} ({@code X-Timestamp}), {@code
 * signature_header} ({@code X-Signature}). Stateless, so thread-safe.
 */
final class HmacAuthenticatorFactory implements AuthenticatorFactory {

    private final Clock clock;

    HmacAuthenticatorFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String type() {
        return "hmac";
    }

    @Override
    public Authenticator create(ComponentConfig config) {
        Signer signer = new Signer(config.string("algorithm").orElse("HmacSHA256"), config.requireString("secret"),
                oneOf(config, "encoding", "hex", Set.of("hex", "base64")));
        boolean millis = oneOf(config, "timestamp_unit", "seconds", Set.of("seconds", "milliseconds")).equals("milliseconds");
        return new HmacAuthenticator(clock, signer, millis, config.requireString("key_id"),
                new HmacAuthenticator.Headers(config.string("key_header").orElse("X-Api-Key"),
                        config.string("timestamp_header").orElse("X-Timestamp"),
                        config.string("signature_header").orElse("X-Signature")));
    }

    private static String oneOf(ComponentConfig config, String key, String fallback, Set<String> allowed) {
        String value = config.string(key).orElse(fallback);
        if (!allowed.contains(value)) {
            throw new ConnectorException("auth." + key + " must be one of " + allowed + ", not '" + value + "'.");
        }
        return value;
    }
}
