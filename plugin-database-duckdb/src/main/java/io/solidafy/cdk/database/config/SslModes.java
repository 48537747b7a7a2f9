package io.solidafy.cdk.database.config;

import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.spi.ConnectorException;
import java.util.List;
import java.util.Locale;

/** The libpq-style {@code ssl_mode} values and their meaning for each driver. */
public final class SslModes {

    private static final List<String> MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private SslModes() {}

    static void check(DatabaseKind kind, String mode) {
        if (!MODES.contains(mode.toLowerCase(Locale.ROOT))) {
            throw new ConnectorException("Config field 'ssl_mode' of connector '" + kind.connectorName() + "' must be one of "
                    + String.join(", ", MODES) + ", not '" + mode + "'.");
        }
    }

    /**
     * MariaDB Connector/J's {@code sslMode}: it has no opportunistic mode, so {@code allow} and
     * {@code prefer} mean no TLS, and {@code require} means TLS without certificate checks.
     */
    public static String forMariaDb(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "require" -> "trust";
            case "verify-ca" -> "verify-ca";
            case "verify-full" -> "verify-full";
            default -> "disable";
        };
    }
}
