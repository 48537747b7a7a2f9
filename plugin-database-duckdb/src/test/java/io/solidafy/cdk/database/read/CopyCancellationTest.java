package io.solidafy.cdk.database.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.database.TestServers;
import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.catalog.TableRef;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.engine.JdbcEngine;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.Emitter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A COPY whose reader wants no more rows (--max-records, a cancelled run) is cancelled on the
 * server, and the connection it ran on stays usable: the next statement and the next read work.
 */
class CopyCancellationTest {

    private static final int ROWS = 500_000;
    private static String database;

    @BeforeAll
    static void createTable() throws Exception {
        database = TestServers.createDatabase(DatabaseKind.POSTGRES, "sdb_cancel",
                "CREATE TABLE big AS SELECT g AS id, 'row ' || g AS name FROM generate_series(1, " + ROWS + ") g",
                "CREATE VIEW slow AS SELECT g AS id, pg_sleep(60)::text AS pause FROM generate_series(1, 3) g");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestServers.dropDatabase(DatabaseKind.POSTGRES, database);
    }

    private static JdbcEngine engine() {
        return new JdbcEngine(DatabaseConfig.from(DatabaseKind.POSTGRES, TestServers.config(DatabaseKind.POSTGRES, database)));
    }

    @Test
    void aCopyStoppedEarlyIsCancelledAndTheConnectionStaysUsable() throws Exception {
        JdbcEngine engine = engine();
        Catalog catalog = engine.catalog();
        try (Connection connection = engine.connect()) {
            TableRef table = catalog.tables(connection, false).get(0);
            List<ColumnInfo> columns = catalog.columns(connection, table);
            ReadPlan plan = ReadPlan.of(catalog, table, columns, Optional.empty(), false);
            TableReader reader = new TableReader(catalog, new ObjectMapper(), 2000, 100_000, false);

            StoppingEmitter firstFive = new StoppingEmitter(5);
            assertEquals(5, reader.read(connection, plan, Optional.empty(), firstFive));
            assertTrue(firstFive.logs.contains("Rows stream through COPY ... TO STDOUT"), firstFive.logs.toString());

            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'COPY%'"
                            + " AND state = 'active' AND pid = pg_backend_pid()")) {
                rows.next();
                assertEquals(0, rows.getInt(1), "the server is no longer copying");
            }
            connection.rollback();

            StoppingEmitter all = new StoppingEmitter(Long.MAX_VALUE);
            assertEquals(ROWS, reader.read(connection, plan, Optional.empty(), all));
            assertEquals(ROWS, all.records);
        }
    }

    /**
     * A run cancelled while the server has not sent a row yet (here it sleeps a minute before each)
     * cancels the COPY instead of waiting for the first row: no record arrives.
     */
    @Test
    void aRunCancelledBeforeTheFirstRowDoesNotWaitForIt() throws Exception {
        JdbcEngine engine = engine();
        Catalog catalog = engine.catalog();
        try (Connection connection = engine.connect()) {
            TableRef view = new TableRef(null, "public", "slow", "public.slow", true);
            ReadPlan plan = ReadPlan.of(catalog, view, catalog.columns(connection, view), Optional.empty(), false);
            StoppingEmitter cancelled = new StoppingEmitter(0);
            assertEquals(0, new TableReader(catalog, new ObjectMapper(), 2000, 100_000, false)
                    .read(connection, plan, Optional.empty(), cancelled));
            assertEquals(0, cancelled.records);
            assertTrue(cancelled.logs.contains("Rows stream through COPY ... TO STDOUT"), cancelled.logs.toString());
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT 42")) {
                rows.next();
                assertEquals(42, rows.getInt(1));
            }
        }
    }

    /** Wants {@code limit} records, then no more. */
    private static final class StoppingEmitter implements Emitter {

        private final long limit;
        private final List<String> logs = new ArrayList<>();
        private long records;

        StoppingEmitter(long limit) {
            this.limit = limit;
        }

        @Override
        public boolean record(ObjectNode data) {
            records++;
            return records < limit;
        }

        @Override
        public void checkpoint(ObjectNode streamState) {}

        @Override
        public void page(int recordCount) {}

        @Override
        public void log(LogLevel level, String message) {
            logs.add(message);
        }

        @Override
        public boolean stopRequested() {
            return records >= limit;
        }
    }
}
