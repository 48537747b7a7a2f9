package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.CursorBinder;
import io.solidafy.cdk.database.types.ValueKind;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.Emitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Streams the rows of one {@link ReadPlan} into an emitter: {@code fetchSize} rows per round trip
 * (so memory stays bounded whatever the table's length; fewer for wide tables, so it stays bounded
 * whatever their width too), one page logged per round trip, and for an ordered incremental read a checkpoint every {@code checkpointInterval} rows and
 * at the end, carrying the cursor of the last emitted row (resuming with {@code >=} from it re-reads,
 * never skips). Rows are converted on a helper thread ({@link RowPump}) straight into their JSON text
 * ({@link RecordEncoder}) while the calling thread emits, the only thread that touches the emitter.
 *
 * <p>PostgreSQL tables whose every column has an encoding from its text form are streamed by {@code
 * COPY (query) TO STDOUT} instead ({@link CopyRows}, {@link CopyRecordEncoder}): the server sends
 * rows without waiting for the client to fetch the next batch. A read from a saved cursor keeps the
 * cursor path, whose boundary is a bound parameter (COPY takes none).
 */
public final class TableReader {

    private static final int BATCH = 256;
    private static final int QUEUED_BATCHES = 8;
    /** How often a reader waiting for rows checks whether the run still wants them. */
    private static final long STOP_CHECK_MILLIS = 100;
    /**
     * Values per converted batch and per round trip: {@code BATCH} rows of 16 columns, {@code
     * fetch_size} (2000) rows of 50. A 2000-column table reads 2 and 50 rows at a time instead, so
     * the rows in flight stay within a few MiB instead of overflowing a 256 MiB heap.
     */
    private static final int BATCH_VALUES = BATCH * 16;
    private static final int FETCH_VALUES = 2000 * 50;

    private final Catalog catalog;
    private final ObjectMapper mapper;
    private final int fetchSize;
    private final int checkpointInterval;
    private final boolean cancelOnStop;

    /**
     * @param cancelOnStop cancel the statement when the emitter stops early: MariaDB's driver would
     *                     otherwise read the rest of a streamed result before closing it
     */
    public TableReader(Catalog catalog, ObjectMapper mapper, int fetchSize, int checkpointInterval, boolean cancelOnStop) {
        this.catalog = catalog;
        this.mapper = mapper;
        this.fetchSize = fetchSize;
        this.checkpointInterval = checkpointInterval;
        this.cancelOnStop = cancelOnStop;
    }

    /** Reads until the table ends or the emitter wants no more; returns the rows emitted. */
    public long read(Connection connection, ReadPlan plan, Optional<JsonNode> boundary, Emitter emitter) throws SQLException {
        List<ColumnInfo> columns = plan.columns();
        String[] names = new String[columns.size()];
        ValueKind[] kinds = new ValueKind[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = columns.get(i).name();
            kinds[i] = catalog.readKind(columns.get(i));
        }
        String cursorName = plan.cursor().map(ColumnInfo::name).orElse(null);
        int fetchRows = rowsFor(FETCH_VALUES, fetchSize, names.length);
        int batchRows = rowsFor(BATCH_VALUES, Math.min(BATCH, fetchRows), names.length);
        try {
            Optional<CopyRecordEncoder> copy = plan.hasBoundary() ? Optional.empty() : CopyRecordEncoder.forQuery(connection, plan.sql(), columns, names, kinds, mapper);
            if (copy.isPresent()) {
                emitter.log(LogLevel.DEBUG, "Rows stream through COPY ... TO STDOUT");
                try (CopyRows rows = new CopyRows(connection, plan.sql(), copy.get())) {
                    return pump(rows, batchRows, cursorName, fetchRows, emitter, null);
                }
            }
            emitter.log(LogLevel.DEBUG, "Rows are fetched through a cursor, " + fetchRows + " at a time");
            try (PreparedStatement statement = connection.prepareStatement(plan.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(fetchRows);
                if (plan.hasBoundary()) {
                    CursorBinder.bind(statement, 1, plan.cursor().orElseThrow(), boundary.orElseThrow());
                }
                try (ResultSet rows = statement.executeQuery()) {
                    rows.setFetchSize(fetchRows);
                    RecordEncoder encoder = RecordEncoder.forResult(rows, names, kinds, mapper);
                    return pump(() -> rows.next() ? encoder.encode(rows) : null, batchRows, cursorName, fetchRows, emitter,
                            cancelOnStop ? statement : null);
                }
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // read-only: nothing to keep, and it ends the server-side cursor
            }
        }
    }

    /** Converts the rows on a helper thread while this thread emits them. */
    private long pump(RowSource rows, int batchRows, String cursorName, int fetchRows, Emitter emitter, Statement cancelOnStop)
            throws SQLException {
        RowPump pump = new RowPump(rows, batchRows, QUEUED_BATCHES);
        Thread producer = new Thread(pump, "solidafy-db-rows-" + Thread.currentThread().getName());
        producer.setDaemon(true);
        producer.start();
        try {
            return emit(pump, cursorName, fetchRows, emitter, cancelOnStop);
        } finally {
            pump.stop();
            if (producer.isAlive()) {
                rows.cancel(); // it may be waiting for a server still busy before the first row
            }
            joinQuietly(producer);
        }
    }

    /** At most {@code maxRows} rows, and no more than {@code values} values of {@code columns} columns; at least one. */
    private static int rowsFor(int values, int maxRows, int columns) {
        return Math.max(1, Math.min(maxRows, values / Math.max(1, columns)));
    }

    private long emit(RowPump pump, String cursorName, int fetchRows, Emitter emitter, Statement cancelOnStop) throws SQLException {
        long emitted = 0;
        int inPage = 0;
        long sinceCheckpoint = 0;
        JsonNode lastCursor = null;
        boolean wanted = true; // the emitter wants more rows
        boolean more = true; // the source has more rows
        while (wanted && more) {
            RowPump.Batch batch;
            try {
                batch = pump.poll(STOP_CHECK_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("Reading was interrupted.");
            }
            if (batch == null) {
                wanted = !emitter.stopRequested(); // a cancelled run stops even while the server has sent nothing yet
                continue;
            }
            for (int i = 0; i < batch.size() && wanted; i++) {
                ObjectNode record = batch.rows()[i];
                JsonNode cursorValue = cursorName == null ? null : record.get(cursorName);
                wanted = emitter.record(record);
                emitted++;
                inPage++;
                sinceCheckpoint++;
                if (inPage == fetchRows) {
                    emitter.page(inPage);
                    inPage = 0;
                }
                if (cursorValue != null && !cursorValue.isNull()) {
                    lastCursor = cursorValue;
                    if (sinceCheckpoint >= checkpointInterval) {
                        emitter.checkpoint(cursorState(lastCursor));
                        sinceCheckpoint = 0;
                    }
                }
            }
            if (wanted && batch.error() != null) {
                rethrow(batch.error());
            }
            more = !batch.last();
        }
        if (!wanted && cancelOnStop != null) {
            cancelOnStop.cancel();
        }
        if (inPage > 0) {
            emitter.page(inPage);
        }
        if (lastCursor != null && sinceCheckpoint > 0) {
            emitter.checkpoint(cursorState(lastCursor));
        }
        return emitted;
    }

    /**
     * {@code {"cursor": value}}. An exact decimal is saved as its text: a plain JSON parser would
     * read it back as a binary double and lose digits, while the text binds back exactly (the
     * runtime compares it numerically with the records' values).
     */
    private static ObjectNode cursorState(JsonNode cursor) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.set("cursor", cursor.isBigDecimal() ? TextNode.valueOf(cursor.decimalValue().toPlainString()) : cursor);
        return state;
    }

    private static void rethrow(Throwable error) throws SQLException {
        if (error instanceof SQLException sql) {
            throw sql;
        }
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        throw new SQLException(error);
    }

    private static void joinQuietly(Thread producer) {
        boolean interrupted = false;
        while (producer.isAlive()) {
            try {
                producer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
