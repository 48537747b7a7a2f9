package io.solidafy.cdk.database.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.CursorBinder;
import io.solidafy.cdk.database.types.ValueReader;
import io.solidafy.cdk.database.types.ValueReaders;
import io.solidafy.cdk.spi.source.Emitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Streams the rows of one {@link ReadPlan} into an emitter: {@code fetchSize} rows per round trip
 * (so memory stays bounded whatever the table's length), one page logged per fetch, and for an
 * ordered incremental read a checkpoint every {@code checkpointInterval} rows carrying the cursor of
 * the last emitted row (resuming with {@code >=} from it re-reads, never skips).
 */
public final class TableReader {

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
        this.cancelOnStop = cancelOnStop;
        this.catalog = catalog;
        this.mapper = mapper;
        this.fetchSize = fetchSize;
        this.checkpointInterval = checkpointInterval;
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

    /** Reads until the table ends or the emitter wants no more; returns the rows emitted. */
    public long read(Connection connection, ReadPlan plan, Optional<JsonNode> boundary, Emitter emitter) throws SQLException {
        List<ColumnInfo> columns = plan.columns();
        int count = columns.size();
        String[] names = new String[count];
        ValueReader[] readers = new ValueReader[count];
        int cursorIndex = -1;
        for (int i = 0; i < count; i++) {
            ColumnInfo column = columns.get(i);
            names[i] = column.name();
            readers[i] = ValueReaders.forKind(catalog.readKind(column), mapper);
            if (plan.cursor().isPresent() && plan.cursor().get().name().equals(column.name())) {
                cursorIndex = i;
            }
        }
        long emitted = 0;
        try (PreparedStatement statement = connection.prepareStatement(plan.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(fetchSize);
            if (plan.hasBoundary()) {
                CursorBinder.bind(statement, 1, plan.cursor().orElseThrow(), boundary.orElseThrow());
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.setFetchSize(fetchSize);
                int inPage = 0;
                JsonNode lastCursor = null;
                long sinceCheckpoint = 0;
                JsonNodeFactory nodes = JsonNodeFactory.instance;
                while (rows.next()) {
                    ObjectNode record = nodes.objectNode();
                    for (int i = 0; i < count; i++) {
                        record.set(names[i], readers[i].read(rows, i + 1));
                    }
                    JsonNode cursorValue = cursorIndex < 0 ? null : record.get(names[cursorIndex]);
                    boolean more = emitter.record(record);
                    emitted++;
                    inPage++;
                    sinceCheckpoint++;
                    if (inPage == fetchSize) {
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
                    if (!more) {
                        if (cancelOnStop) {
                            statement.cancel();
                        }
                        break;
                    }
                }
                if (inPage > 0) {
                    emitter.page(inPage);
                }
                if (lastCursor != null && sinceCheckpoint > 0) {
                    emitter.checkpoint(cursorState(lastCursor));
                }
            }
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // read-only: nothing to keep, and it ends the server-side cursor
            }
        }
        return emitted;
    }
}
