package io.solidafy.cdk.runtime.server;

import java.util.Map;

/** A request the server answers with an error envelope: an HTTP status and one clear sentence. */
final class ApiException extends RuntimeException {

    private final int status;
    private final Map<String, String> headers;

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    ApiException(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
