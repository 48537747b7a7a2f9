package io.solidafy.cdk.spi.storage;

import io.solidafy.cdk.spi.ConnectorException;

/**
 * A conditional {@link ObjectStorage#write} lost a race: another writer changed or created the
 * object after it was read. The message names the object and says what to do.
 */
public class ConcurrentWriteException extends ConnectorException {

    public ConcurrentWriteException(String message) {
        super(message);
    }

    public ConcurrentWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
