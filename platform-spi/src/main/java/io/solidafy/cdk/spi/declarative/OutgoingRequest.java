package io.solidafy.cdk.spi.declarative;

import java.net.URI;

/**
 * A request about to be sent, as an {@link Authenticator} sees it. Not thread-safe: one request,
 * one thread.
 */
public interface OutgoingRequest {

    String method();

    /** The URL including the query built so far. */
    URI uri();

    /** Sets (replaces) a header. */
    void setHeader(String name, String value);

    /** Adds a query parameter. */
    void addQueryParameter(String name, String value);
}
