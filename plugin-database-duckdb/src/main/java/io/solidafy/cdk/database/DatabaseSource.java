package io.solidafy.cdk.database;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.catalog.StreamNaming;
import io.solidafy.cdk.database.catalog.TableRef;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.engine.Engine;
import io.solidafy.cdk.database.engine.EngineSelector;
import io.solidafy.cdk.database.engine.Failures;
import io.solidafy.cdk.database.read.ReadPlan;
import io.solidafy.cdk.database.read.TableReader;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.JsonSchemas;
import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.ConnectionStatus;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.StreamDescriptor;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A database opened with one config: tables are streams, read with bounded memory, incrementally by
 * the configured cursor columns. The engine starts on first use (so opening is cheap) and is shared
 * by every stream; each read takes its own connection, so reads may run concurrently. The connection
 * that listed the tables is kept for the first read or discovery that follows (a sync's usual
 * sequence), which saves the server a second login.
 */
final class DatabaseSource implements Source {

    private final DatabaseConfig config;
    private final SourceContext context;
    private final ObjectMapper mapper = new ObjectMapper();
    private Engine engine;
    private volatile Map<String, TableRef> tables;
    /** The table listing's connection, until a read or discovery takes it or the source closes. */
    private final AtomicReference<Connection> spare = new AtomicReference<>();

    DatabaseSource(DatabaseConfig config, SourceContext context) {
        this.config = config;
        this.context = context;
    }

    @Override
    public ConnectionStatus check() {
        try {
            int count = listTables().size();
            return ConnectionStatus.succeeded("Connection successful. Found " + count + " tables.");
        } catch (ConnectorException e) {
            return ConnectionStatus.failed(e.getMessage());
        }
    }

    @Override
    public List<StreamDescriptor> streams() {
        List<StreamDescriptor> streams = new ArrayList<>();
        for (TableRef table : listTables().values()) {
            streams.add(descriptor(table.streamName(), List.of()));
        }
        warnAboutUnknownCursorStreams();
        return streams;
    }

    @Override
    public List<StreamDescriptor> discover(int sampleSize) {
        Map<String, TableRef> known = listTables();
        List<StreamDescriptor> streams = new ArrayList<>();
        try (Connection connection = connection()) {
            Catalog catalog = engine().catalog();
            for (TableRef table : known.values()) {
                List<ColumnInfo> columns = catalog.columns(connection, table);
                List<List<String>> key = catalog.primaryKey(connection, table).stream().map(List::of).toList();
                streams.add(descriptor(table.streamName(), key).withSchema(JsonSchemas.of(columns)));
            }
        } catch (SQLException e) {
            throw Failures.query(config, "Reading the table definitions", e);
        }
        return streams;
    }

    @Override
    public void read(StreamReadRequest request, Emitter emitter) throws Exception {
        String stream = request.stream().name();
        TableRef table = table(stream);
        Engine engine = engine();
        Catalog catalog = engine.catalog();
        try (Connection connection = connection()) {
            List<ColumnInfo> columns = catalog.columns(connection, table);
            if (columns.isEmpty()) {
                throw new ConnectorException("Table " + stream + " has no readable columns or no longer exists.");
            }
            Optional<ColumnInfo> cursor = cursorColumn(stream, columns);
            Optional<JsonNode> boundary = cursor.isPresent() ? request.cursor() : Optional.empty();
            ReadPlan plan = ReadPlan.of(catalog, table, columns, cursor, boundary.isPresent());
            emitter.log(LogLevel.DEBUG, "Reading " + stream + (boundary.isPresent()
                    ? " from " + cursor.get().name() + " >= " + boundary.get() : cursor.isPresent() ? " ordered by " + cursor.get().name() : ""));
            new TableReader(catalog, mapper, config.fetchSize(), config.checkpointInterval(), config.kind() == DatabaseKind.MYSQL)
                    .read(connection, plan, boundary, emitter);
        } catch (SQLException e) {
            throw Failures.query(config, "Reading " + stream, e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(spare.getAndSet(null));
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    private StreamDescriptor descriptor(String stream, List<List<String>> primaryKey) {
        String cursor = config.cursorFields().get(stream);
        List<String> cursorField = cursor == null ? List.of() : List.of(cursor);
        return new StreamDescriptor(stream, Optional.empty(), cursorField, primaryKey, cursor != null);
    }

    private Optional<ColumnInfo> cursorColumn(String stream, List<ColumnInfo> columns) {
        String name = config.cursorFields().get(stream);
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConnectorException("cursor_fields names column '" + name + "' for stream " + stream
                        + ", but the table has no such column; columns are: "
                        + String.join(", ", columns.stream().map(ColumnInfo::name).toList()) + ".")));
    }

    private TableRef table(String stream) {
        Map<String, TableRef> known = tables != null ? tables : listTables();
        TableRef table = known.get(stream);
        if (table == null) {
            throw new ConnectorException("Stream " + stream + " is not a table of " + Failures.where(config) + ".");
        }
        return table;
    }

    private Map<String, TableRef> listTables() {
        Engine engine = engine();
        Connection connection = null;
        try {
            connection = connection();
            Map<String, TableRef> found = new LinkedHashMap<>();
            for (TableRef table : engine.catalog().tables(connection, config.includeViews())) {
                TableRef other = found.putIfAbsent(table.streamName(), table);
                if (other != null) {
                    throw StreamNaming.clash(other, table);
                }
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            tables = Map.copyOf(found);
            closeQuietly(spare.getAndSet(connection));
            connection = null;
            return found;
        } catch (SQLException e) {
            throw Failures.connect(config, e);
        } finally {
            closeQuietly(connection);
        }
    }

    /** The spare connection when there is one, else a new one. */
    private Connection connection() throws SQLException {
        Connection kept = spare.getAndSet(null);
        return kept != null ? kept : engine().connect();
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing was written through it
            }
        }
    }

    private void warnAboutUnknownCursorStreams() {
        Map<String, TableRef> known = tables;
        for (String stream : config.cursorFields().keySet()) {
            if (known != null && !known.containsKey(stream)) {
                context.log(LogLevel.WARN, "cursor_fields names stream " + stream + ", which is not a table of "
                        + Failures.where(config) + "; it is ignored.");
            }
        }
    }

    private synchronized Engine engine() {
        if (engine == null) {
            engine = EngineSelector.open(config, context::log);
        }
        return engine;
    }
}
