package io.solidafy.cdk.declarative.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A lazily fetched token kept until shortly before it expires (or until a 401 invalidates it).
 * Thread-safe: concurrent streams share one fetch.
 */
final class CachedToken {

    /** Fetches a fresh token. */
    @FunctionalInterface
    interface Fetcher {
        Token fetch() throws IOException;
    }

    /**
     * A token and how long it lives.
     *
     * @param value    the token
     * @param lifetime how long it is valid from now; null when unknown (kept until a 401)
     */
    record Token(String value, Duration lifetime) {}

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final Fetcher fetcher;
    private final Clock clock;
    private String value;
    private Instant refreshAt;

    CachedToken(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    synchronized String get() throws IOException {
        Instant now = clock.instant();
        if (value == null || (refreshAt != null && !now.isBefore(refreshAt))) {
            Token token = fetcher.fetch();
            value = token.value();
            if (token.lifetime() == null) {
                refreshAt = null;
            } else {
                // refresh a minute early, or at 90% of a short lifetime
                Duration margin = token.lifetime().compareTo(MARGIN.multipliedBy(2)) > 0 ? MARGIN : token.lifetime().dividedBy(10);
                refreshAt = now.plus(token.lifetime()).minus(margin);
            }
        }
        return value;
    }

    synchronized boolean invalidate() {
        value = null;
        return true;
    }
}
