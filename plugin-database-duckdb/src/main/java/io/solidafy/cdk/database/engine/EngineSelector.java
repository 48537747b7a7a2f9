package io.solidafy.cdk.database.engine;

import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.config.EngineChoice;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Chooses and starts the engine: {@code duckdb} or {@code jdbc} as asked, or in {@code auto} mode
 * DuckDB when its extension for the database is installed (or a repository is configured), with a
 * fallback to JDBC when DuckDB cannot attach. DuckDB files always need DuckDB. The choice is logged.
 */
public final class EngineSelector {

    private EngineSelector() {}

    public static Engine open(DatabaseConfig config, BiConsumer<LogLevel, String> log) {
        if (config.isDuckDbFile()) {
            if (config.engine() == EngineChoice.JDBC) {
                throw new ConnectorException("A DuckDB file can only be read with engine 'duckdb' or 'auto', not 'jdbc'.");
            }
            return duckDb(config, log);
        }
        switch (config.engine()) {
            case JDBC -> {
                return jdbc(config, log, "as configured");
            }
            case DUCKDB -> {
                return duckDb(config, log);
            }
            default -> {
                if (!extensionAvailable(config)) {
                    return jdbc(config, log, "DuckDB's " + config.kind().duckDbType() + " extension is not installed here"
                            + " (set extension_directory or extension_repository to use DuckDB)");
                }
                try {
                    return started(new DuckDbEngine(config), log);
                } catch (SQLException | RuntimeException e) {
                    log.accept(LogLevel.WARN, "DuckDB could not attach " + Failures.where(config) + " ("
                            + Failures.reason(config, e) + "); falling back to JDBC.");
                    return jdbc(config, log, "DuckDB could not attach the database");
                }
            }
        }
    }

    private static Engine duckDb(DatabaseConfig config, BiConsumer<LogLevel, String> log) {
        try {
            return started(new DuckDbEngine(config), log);
        } catch (SQLException e) {
            if (config.isDuckDbFile()) {
                throw Failures.connect(config, e);
            }
            throw new ConnectorException("DuckDB could not use its " + config.kind().duckDbType() + " extension for "
                    + Failures.where(config) + ": " + Failures.reason(config, e)
                    + ". Install the extension, set extension_directory or extension_repository, or set engine to jdbc.", e);
        }
    }

    private static Engine jdbc(DatabaseConfig config, BiConsumer<LogLevel, String> log, String why) {
        Engine engine = new JdbcEngine(config);
        log.accept(LogLevel.INFO, "Engine: " + engine.description() + " for " + Failures.where(config) + "; " + why + ".");
        return engine;
    }

    private static Engine started(Engine engine, BiConsumer<LogLevel, String> log) {
        log.accept(LogLevel.INFO, "Engine: " + engine.description() + ".");
        return engine;
    }

    /**
     * True when DuckDB could load the extension without a download: a repository is configured, or
     * the extension file lies in the extension directory. Checked on disk, so the JDBC path never
     * pays for starting DuckDB.
     */
    static boolean extensionAvailable(DatabaseConfig config) {
        if (config.extensionRepository().isPresent()) {
            return true;
        }
        Path directory = config.extensionDirectory().map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".duckdb", "extensions"));
        if (!Files.isDirectory(directory)) {
            return false;
        }
        String file = config.kind().extensionFile() + ".duckdb_extension";
        try (Stream<Path> files = Files.walk(directory, 4)) {
            return files.anyMatch(p -> p.getFileName().toString().equals(file));
        } catch (IOException e) {
            return false;
        }
    }
}
