package io.solidafy.cdk.database.engine;

import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.config.Endpoint;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.Secrets;
import java.sql.SQLException;
import java.util.List;

/**
 * Turns driver exceptions into one sentence naming the database and what to check. The password
 * is masked in the driver's text (some drivers echo connection strings) with the platform's one
 * secret policy before anything is shown; the runtime masks it again.
 */
public final class Failures {

    private Failures() {}

    /** The database as messages name it: {@code PostgreSQL at host:5432 (database 'x')} or the file. */
    public static String where(DatabaseConfig config) {
        if (config.endpoint().isPresent()) {
            Endpoint endpoint = config.endpoint().get();
            return config.kind().displayName() + " at " + endpoint.hostAndPort()
                    + endpoint.database().map(d -> " (database '" + d + "')").orElse("");
        }
        return (config.isDuckDbFile() ? "DuckDB" : "SQLite") + " file " + config.path().map(Object::toString).orElse("");
    }

    public static ConnectorException connect(DatabaseConfig config, Exception e) {
        String hint = config.endpoint().isPresent() ? " Check host, port, database, user and password." : " Check path.";
        return new ConnectorException("Could not connect to " + where(config) + ": " + reason(config, e) + "." + hint, e);
    }

    public static ConnectorException query(DatabaseConfig config, String what, Exception e) {
        return new ConnectorException(what + " on " + where(config) + " failed: " + reason(config, e) + ".", e);
    }

    /** The driver's message, first line only, password removed, ending without a period. */
    public static String reason(DatabaseConfig config, Exception e) {
        String message = e.getMessage();
        if (e instanceof SQLException sql && (message == null || message.isBlank()) && sql.getCause() != null) {
            message = sql.getCause().getMessage();
        }
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        message = message.strip();
        int newline = message.indexOf('\n');
        if (newline > 0) {
            message = message.substring(0, newline).strip();
        }
        message = Secrets.of(List.of(config.endpoint().map(Endpoint::password).orElse(""))).mask(message);
        while (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return message;
    }
}
