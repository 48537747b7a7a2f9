package io.solidafy.cdk.spi.declarative;

/**
 * Makes authenticators for one {@code auth.type} name. The built-in types are registered through
 * this same interface. Thread-safe.
 */
public interface AuthenticatorFactory {

    /** The name used in YAML: {@code auth: {type: <this>}}. */
    String type();

    /**
     * Creates the authenticator for a connector's {@code auth} block.
     *
     * @throws io.solidafy.cdk.spi.ConnectorException naming the missing or invalid key
     */
    Authenticator create(ComponentConfig config);
}
