package io.solidafy.examples.hmac;

import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.declarative.OutgoingRequest;
import java.net.URI;
import java.time.Clock;

/**
 * Adds the key id, a timestamp and {@code HMAC(secret, timestamp + METHOD + path[?query])} to each
 * request. The engine calls it after pagination changed the request, so every page is signed with
 * its own query. Thread-safe: no mutable state.
 */
final class HmacAuthenticator implements Authenticator {

    /** The names of the three headers this authenticator sets. */
    record Headers(String key, String timestamp, String signature) {}

    private final Clock clock;
    private final Signer signer;
    private final boolean millis;
    private final String keyId;
    private final Headers headers;

    HmacAuthenticator(Clock clock, Signer signer, boolean millis, String keyId, Headers headers) {
        this.clock = clock;
        this.signer = signer;
        this.millis = millis;
        this.keyId = keyId;
        this.headers = headers;
    }

    @Override
    public void authenticate(OutgoingRequest request) {
        long now = clock.millis();
        String timestamp = Long.toString(millis ? now : now / 1000);
        request.setHeader(headers.key(), keyId);
        request.setHeader(headers.timestamp(), timestamp);
        request.setHeader(headers.signature(), signer.sign(timestamp + request.method() + pathAndQuery(request.uri())));
    }

    /** What is signed of the URL: the path and the query exactly as they go on the wire. */
    static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
