package io.solidafy.cdk.spi.source;

import java.util.Objects;

/**
 * The answer of {@link Source#check()}.
 *
 * @param succeeded true when the connector can read with this config
 * @param message   one sentence for humans, e.g. {@code "Connection successful. Found 42 tables."}
 */
public record ConnectionStatus(boolean succeeded, String message) {

    public ConnectionStatus {
        Objects.requireNonNull(message, "message");
    }

    public static ConnectionStatus succeeded(String message) {
        return new ConnectionStatus(true, message);
    }

    public static ConnectionStatus failed(String message) {
        return new ConnectionStatus(false, message);
    }
}
