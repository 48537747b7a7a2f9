package io.solidafy.cdk.declarative.http;

import io.solidafy.cdk.spi.ConnectorException;

/** A non-2xx answer that was not (or no longer) worth retrying. The message is secret-free. */
public final class HttpStatusException extends ConnectorException {

    private final int status;

    public HttpStatusException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
