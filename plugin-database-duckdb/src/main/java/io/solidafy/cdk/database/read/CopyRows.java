package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The rows of a PostgreSQL query streamed by {@code COPY (query) TO STDOUT}: the server sends
 * every row without waiting for the client to ask for the next batch, as it does for a cursor,
 * so server and client work at the same time. PgJDBC hands out one row per message.
 *
 * <p>The COPY starts with the first {@link #next()}, on the reading thread: the server's first
 * answer only comes once it has a buffer of rows, which can take long (a sort), and another thread
 * may meanwhile {@link #cancel()} it. Closing a COPY that has not ended cancels it and discards
 * the rows in flight, so the connection stays usable (the caller then rolls back).
 */
final class CopyRows implements RowSource, AutoCloseable {

    private static final String QUERY_CANCELED = "57014";

    private final PGConnection connection;
    private final String sql;
    private final CopyRecordEncoder encoder;
    private final Object lock = new Object();
    /** Set on the reading thread once it started the COPY; read by others only after it ended. */
    private CopyOut copy;
    private boolean started;
    private boolean cancelRequested;
    private volatile boolean ended;

    /** The rows of {@code select}, a query without parameters, once {@link #next()} is called. */
    CopyRows(Connection connection, String select, CopyRecordEncoder encoder) throws SQLException {
        this.connection = connection.unwrap(PGConnection.class);
        this.sql = "COPY (" + select + ") TO STDOUT";
        this.encoder = encoder;
    }

    @Override
    public ObjectNode next() throws SQLException {
        byte[] row;
        try {
            if (copy == null) {
                synchronized (lock) {
                    if (cancelRequested) {
                        ended = true;
                        return null;
                    }
                    started = true;
                }
                copy = connection.getCopyAPI().copyOut(sql);
            }
            row = copy.readFromCopy();
        } catch (SQLException e) {
            ended = true;
            throw e;
        }
        if (row == null) {
            ended = true;
            return null;
        }
        return encoder.encode(row);
    }

    /** Asks the server to stop, once; from any thread. */
    @Override
    public void cancel() throws SQLException {
        synchronized (lock) {
            if (ended || cancelRequested) {
                return;
            }
            cancelRequested = true;
            if (!started) {
                return; // next() will not start it
            }
        }
        connection.cancelQuery();
    }

    /**
     * Stops a COPY that has not ended, once the reading thread is done: asks the server to cancel
     * it and discards the rows already on their way until the server's answer. (PgJDBC's {@code
     * cancelCopy} leaves that answer for the next statement on the connection to trip over.)
     */
    @Override
    public void close() throws SQLException {
        if (copy == null || !copy.isActive()) {
            return;
        }
        cancel();
        try {
            while (copy.readFromCopy() != null) {
                // in flight when the cancel request arrived
            }
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
