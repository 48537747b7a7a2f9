package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.spi.ConnectorException;

/** A connector reference that names no connector (the server answers 404). */
public final class UnknownConnectorException extends ConnectorException {

    public UnknownConnectorException(String message) {
        super(message);
    }
}
