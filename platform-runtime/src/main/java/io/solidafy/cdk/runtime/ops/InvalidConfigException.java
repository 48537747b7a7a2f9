package io.solidafy.cdk.runtime.ops;

import io.solidafy.cdk.spi.ConnectorException;

/** A config that does not fit the connector's declared fields (the server answers 422). */
public final class InvalidConfigException extends ConnectorException {

    public InvalidConfigException(String message) {
        super(message);
    }
}
