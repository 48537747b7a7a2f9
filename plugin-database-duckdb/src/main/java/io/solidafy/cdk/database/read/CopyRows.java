package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * The rows of a PostgreSQL query streamed by {@code COPY (query) TO STDOUT}: the server sends
 * every row without waiting for the client to ask for the next batch, as it does for a cursor,
 * so server and client work at the same time. PgJDBC hands out one row per message. Closing a
 * COPY that has not ended cancels it (the server stops at once; the transaction is then rolled
 * back by the caller), leaving the connection usable.
 */
final class CopyRows implements RowSource, AutoCloseable {

    private static final String QUERY_CANCELED = "57014";

    private final PGConnection connection;
    private final CopyOut copy;
    private final CopyRecordEncoder encoder;

    private CopyRows(PGConnection connection, CopyOut copy, CopyRecordEncoder encoder) {
        this.connection = connection;
        this.copy = copy;
        this.encoder = encoder;
    }

    /** Starts copying the rows of {@code select}, a query without parameters. */
    static CopyRows start(Connection connection, String select, CopyRecordEncoder encoder) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        CopyOut copy = postgres.getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT");
        return new CopyRows(postgres, copy, encoder);
    }

    @Override
    public ObjectNode next() throws SQLException {
        byte[] row = copy.readFromCopy();
        return row == null ? null : encoder.encode(row);
    }

    /**
     * Stops a COPY that has not ended: asks the server to cancel it and discards the rows already
     * on their way until the server's answer. (PgJDBC's {@code cancelCopy} leaves that answer for
     * the next statement on the connection to trip over.)
     */
    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        connection.cancelQuery();
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
