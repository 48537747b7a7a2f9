package io.solidafy.cdk.spi;

/**
 * An error the user can fix: bad configuration, an unknown stream, an unreachable host, a rejected
 * credential, a malformed definition file.
 *
 * <p>The message is shown to the user as it is (after the runtime masks secrets in it), so it must
 * be one clear sentence that names the thing to fix. The runtime never prints a stack trace for it.
 * Any other exception is treated as an internal error.
 */
public class ConnectorException extends RuntimeException {

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
