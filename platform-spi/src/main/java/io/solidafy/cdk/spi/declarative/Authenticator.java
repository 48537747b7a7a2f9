package io.solidafy.cdk.spi.declarative;

import java.io.IOException;

/**
 * Adds credentials to requests. One instance serves every request of a connector, from several
 * threads: implementations are thread-safe and fetch tokens lazily, cache them and refresh them
 * before they expire.
 */
public interface Authenticator {

    /** Adds credentials to the request, fetching a token first if needed. */
    void authenticate(OutgoingRequest request) throws IOException;

    /**
     * Called after a 401 answer. Return true when cached credentials were dropped so that the
     * request is worth retrying once with fresh ones.
     */
    default boolean invalidate() {
        return false;
    }
}
