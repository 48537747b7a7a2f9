package io.solidafy.cdk.database.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.database.TestServers;
import io.solidafy.cdk.database.catalog.Catalog;
import io.solidafy.cdk.database.catalog.TableRef;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.engine.JdbcEngine;
import io.solidafy.cdk.database.types.ColumnInfo;
import io.solidafy.cdk.database.types.ValueKind;
import io.solidafy.cdk.database.types.ValueReaders;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;

/**
 * Rows of every type, read from the real PostgreSQL and MariaDB through the engine the source uses,
 * come out of {@link RecordEncoder} as the bytes and the tree the column readers give: the RECORD
 * data written byte for byte alike (through the runtime's kind of generator, a pretty printer and a
 * character writer), the same node classes and values field by field, and still the same bytes after
 * the tree was made or changed.
 */
class EncodedRecordTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = "quote \" back \\ ctl \u0001 tab\t nl\n cr\r é € 😀 \u2028 </x>";

    @SuppressWarnings("deprecation")
    private static final List<ObjectMapper> SPECIAL = List.of(
            new ObjectMapper().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature()),
            new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII),
            new ObjectMapper().enable(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS),
            new ObjectMapper().configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false),
            new ObjectMapper().configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true));

    private interface Encoding {
        EncodedRecord encode() throws Exception;
    }

    @Test
    void postgresRowsEncodeAsTheReadersRead() throws Exception {
        String text = TEXT.replace("'", "''");
        String database = TestServers.createDatabase(DatabaseKind.POSTGRES, "sdb_enc",
                "CREATE TABLE t (id bigint, small smallint, i int, big bigint, num numeric, num_big numeric(40,20), r real,"
                        + " d double precision, b boolean, t text, vc varchar(100), ch char(5), dt date, ts timestamp,"
                        + " tstz timestamptz, tm time, j json, jb jsonb, ia int[], ta text[], ba bytea, u uuid, iv interval,"
                        + " m money, nothing text)",
                "INSERT INTO t VALUES (1, 7, 42, 9007199254740993, 12345678901234567890.123456789,"
                        + " 12345678901234567890.12345678901234567890, 1.5, 2.25, true, 'héllo \"q\"', 'abc', 'ab',"
                        + " '2024-12-15', '2024-12-15 10:30:00.123456', '2024-12-15 10:30:00+02', '08:15:00',"
                        + " '{\"a\": [1, 2], \"b\": null}', '{\"k\": {\"n\": 1.5}}', ARRAY[1,2,3], ARRAY['x','y z'],"
                        + " '\\x00ff10'::bytea, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 02:00:00', 12.5, NULL)",
                "INSERT INTO t (id) VALUES (2)",
                "INSERT INTO t (id, small, i, big, num, num_big, r, d, b, t, vc, dt, ts, tstz, j) VALUES (3, -32768,"
                        + " -2147483648, -9223372036854775808, -0.0000001, 0, 'NaN', 'Infinity', false, '" + text + "', '',"
                        + " '0044-03-15 BC', 'infinity', '-infinity', '\"just text\"')",
                "INSERT INTO t (id, num, num_big, r, d, t, dt, ts, tstz, j) VALUES (4, 123.000, -12345678901234567890.5, 0.1,"
                        + " 1e20, '', 'infinity', '12024-01-01 00:00:00', '2024-12-15 10:30:00.5+00', '7')",
                "INSERT INTO t (id, num, num_big, d, ts, tstz) VALUES (5, 0.00000000, 0.000001, -0.0,"
                        + " '2024-12-15 10:30:00.000001', '2024-12-15 23:59:59.999999-05')",
                "INSERT INTO t (id, num, d, ts, tstz) VALUES (6, 0.0000001, 'NaN', '0001-01-01 00:00:00',"
                        + " '2024-01-01 00:00:00+00:30')");
        try {
            ObjectNode config = TestServers.config(DatabaseKind.POSTGRES, database);
            assertEquals(6, compareAll(DatabaseConfig.from(DatabaseKind.POSTGRES, config), "public.t", sql -> sql).size());
        } finally {
            TestServers.dropDatabase(DatabaseKind.POSTGRES, database);
        }
    }

    /**
     * Every kind the COPY path reads, with the values of unusual shape and every character COPY
     * escapes: each row of {@code COPY (query) TO STDOUT} encodes as the cursor path reads it.
     */
    @Test
    void postgresCopyRowsEncodeAsTheCursorPathReads() throws Exception {
        String text = (TEXT + " tab\t bs\b ff\f vt\u000b nul-less \\N bs2 \\\\ x\\x41 oct\\101").replace("'", "''");
        String database = TestServers.createDatabase(DatabaseKind.POSTGRES, "sdb_copy",
                "CREATE TYPE mood AS ENUM ('ok', 'not ok')",
                "CREATE TABLE t (id bigint, small smallint, i int, big bigint, num numeric, num_big numeric(40,20), r real,"
                        + " d double precision, b boolean, t text, vc varchar(100), ch char(5), dt date, ts timestamp,"
                        + " tstz timestamptz, u uuid, iv interval, m money, e mood, ip inet, nothing text)",
                "INSERT INTO t VALUES (1, 7, 42, 9007199254740993, 12345678901234567890.123456789,"
                        + " 12345678901234567890.12345678901234567890, 1.5, 2.25, true, 'héllo \"q\"', 'abc', 'ab',"
                        + " '2024-12-15', '2024-12-15 10:30:00.123456', '2024-12-15 10:30:00+02',"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 02:00:00', 12.5, 'not ok', '10.0.0.1/8', NULL)",
                "INSERT INTO t (id) VALUES (2)",
                "INSERT INTO t (id, small, i, big, num, num_big, r, d, b, t, vc, dt, ts, tstz) VALUES (3, -32768,"
                        + " -2147483648, -9223372036854775808, -0.0000001, 0, 'NaN', 'Infinity', false, '" + text + "', '',"
                        + " '0044-03-15 BC', 'infinity', '-infinity')",
                "INSERT INTO t (id, num, num_big, r, d, t, vc, dt, ts, tstz) VALUES (4, 123.000, -12345678901234567890.5, 0.1,"
                        + " 1e20, '', '\\N', 'infinity', '12024-01-01 00:00:00', '2024-12-15 10:30:00.5+00')",
                "INSERT INTO t (id, big, num, num_big, r, d, t, ts, tstz) VALUES (5, 9223372036854775807, 0.00000000, 0.000001,"
                        + " 3.4028235e38, -0.0, '\\', '2024-12-15 10:30:00.000001', '2024-12-15 23:59:59.999999-05')",
                "INSERT INTO t (id, num, r, d, t, dt, ts, tstz) VALUES (6, 0.0000001, '-Infinity', 'NaN', '\\\\N\\t',"
                        + " '-infinity', '0001-01-01 00:00:00', '2024-01-01 00:00:00+00:30')",
                "INSERT INTO t (id, r, d, dt, ts, tstz) VALUES (7, 1e-45, 4.9e-324, '5874897-12-31',"
                        + " '0044-03-15 10:00:00.25 BC', '0044-03-15 10:00:00+00 BC')",
                "INSERT INTO t (id, r, d, ts, tstz) VALUES (8, -0.0, 0.1 + 0.2, '294276-12-31 23:59:59.999999',"
                        + " '294276-12-31 23:59:59.999999+00')",
                "INSERT INTO t (id, d) VALUES (9, 1.7976931348623157e308)",
                // texts written without parsing (short and plain) and just outside that form
                "INSERT INTO t (id, d) VALUES (10, 250), (11, 0.001), (12, 9999999.5), (13, 10000000), (14, 0.0001),"
                        + " (15, 123456789012345), (16, 1234567.89012345), (17, -1.5), (18, 100.0), (19, 0.3)",
                "CREATE TABLE cursor_only (id int, j jsonb)",
                "CREATE TABLE times (id int, tm time)",
                "CREATE DOMAIN spot AS point", "CREATE TABLE spots (id int, s spot)");
        try {
            ObjectNode config = TestServers.config(DatabaseKind.POSTGRES, database);
            DatabaseConfig postgres = DatabaseConfig.from(DatabaseKind.POSTGRES, config);
            assertEquals(19, compareCopy(postgres, "public.t"));
            assertTrue(copyEncoder(postgres, "public.cursor_only").isEmpty(), "json has no encoding from its text");
            assertTrue(copyEncoder(postgres, "public.times").isEmpty(), "PgJDBC's text of a binary time is its own");
            assertTrue(copyEncoder(postgres, "public.spots").isEmpty(), "a domain over a point is read as a point");
        } finally {
            TestServers.dropDatabase(DatabaseKind.POSTGRES, database);
        }
    }

    /** Reads the stream through a cursor with the column readers and through COPY, comparing row by row. */
    private static int compareCopy(DatabaseConfig config, String stream) throws Exception {
        JdbcEngine engine = new JdbcEngine(config);
        Catalog catalog = engine.catalog();
        try (Connection connection = engine.connect()) {
            Table table = Table.of(catalog, connection, stream);
            String sql = table.sql() + " ORDER BY 1";
            List<ObjectNode> expected = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    expected.add(table.read(result));
                }
            }
            List<byte[]> copied = new ArrayList<>();
            CopyOut copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + sql + ") TO STDOUT");
            for (byte[] row = copy.readFromCopy(); row != null; row = copy.readFromCopy()) {
                copied.add(row);
            }
            connection.rollback();
            CopyRecordEncoder encoder = CopyRecordEncoder.forColumns(table.columns(), table.names(), table.kinds(),
                    connection.unwrap(BaseConnection.class).getTimestampUtils(), MAPPER).orElseThrow();
            assertEquals(expected.size(), copied.size());
            for (int i = 0; i < copied.size(); i++) {
                byte[] row = copied.get(i);
                compare(expected.get(i), () -> encoder.encode(row), stream + " row " + expected.get(i).get(table.names()[0]) + " through COPY ("
                        + new String(row, StandardCharsets.UTF_8).trim() + ")");
            }
            return copied.size();
        }
    }

    private static Optional<CopyRecordEncoder> copyEncoder(DatabaseConfig config, String stream) throws Exception {
        JdbcEngine engine = new JdbcEngine(config);
        Catalog catalog = engine.catalog();
        try (Connection connection = engine.connect()) {
            Table table = Table.of(catalog, connection, stream);
            Optional<CopyRecordEncoder> encoder = CopyRecordEncoder.forQuery(connection, table.sql(), table.columns(), table.names(),
                    table.kinds(), MAPPER);
            connection.rollback();
            return encoder;
        }
    }

    @Test
    void mariaDbRowsEncodeAsTheReadersRead() throws Exception {
        String text = TEXT.replace("\\", "\\\\").replace("'", "''");
        String database = TestServers.createDatabase(DatabaseKind.MYSQL, "sdb_enc",
                "SET SESSION sql_mode = ''",
                "CREATE TABLE t (id INT, tiny TINYINT, flag TINYINT(1), big BIGINT, ubig BIGINT UNSIGNED, num DECIMAL(40,20),"
                        + " num0 DECIMAL(10,0), r FLOAT, d DOUBLE, vc VARCHAR(100), t TEXT, dt DATE, dtm DATETIME(6),"
                        + " dtm0 DATETIME, ts TIMESTAMP(3) NULL, tm TIME, j JSON, bl BLOB, yr YEAR, bt BIT(1),"
                        + " e ENUM('a','b'), lat VARCHAR(20) CHARACTER SET latin1, nothing VARCHAR(5))"
                        + " CHARACTER SET utf8mb4",
                "INSERT INTO t VALUES (1, -5, 1, 9007199254740993, 18446744073709551615,"
                        + " 12345678901234567890.12345678901234567890, 42, 1.5, 2.25, 'héllo', 'text \"q\"', '2024-12-15',"
                        + " '2024-12-15 10:30:00.123456', '2024-12-15 10:30:00', '2024-12-15 10:30:00.500', '08:15:00',"
                        + " '{\"a\": [1, 2]}', X'00FF10', 2024, b'1', 'b', 'déjà vu ±', NULL)",
                "INSERT INTO t (id) VALUES (2)",
                "INSERT INTO t (id, tiny, big, num, num0, r, d, vc, t, dt, dtm, dtm0, ts) VALUES (3, -128,"
                        + " -9223372036854775808, -0.00000000000000000001, -5, 0.1, 1e300, '', '" + text + "', '0000-00-00',"
                        + " '0000-00-00 00:00:00', '1000-01-01 00:00:00', '2024-12-15 10:30:00')",
                "INSERT INTO t (id, num, d, t, dt, dtm, dtm0) VALUES (4, 0, -0.0, '', '9999-12-31', '9999-12-31 23:59:59.999999',"
                        + " '2024-02-29 12:00:00')",
                "INSERT INTO t (id, num, dtm) VALUES (5, 0.000001, '2024-12-15 10:30:00.000001')",
                // doubles whose text is written as it stands, and texts just outside that form; a FLOAT stays parsed
                "INSERT INTO t (id, r, d) VALUES (6, 250, 250), (7, 0.001, 0.001), (8, 0.3, 9999999.5), (9, 2.5, 10000000),"
                        + " (10, 0.0001, 0.0001), (11, 1234567.8, 1234567.89012345), (12, 100, 0.1 + 0.2), (13, 3.25, 123456789012345)");
        try {
            ObjectNode config = TestServers.config(DatabaseKind.MYSQL, database);
            DatabaseConfig mariaDb = DatabaseConfig.from(DatabaseKind.MYSQL, config);
            List<ObjectNode> asText = compareAll(mariaDb, database + ".t", sql -> sql);
            List<ObjectNode> asColumns = compareAll(mariaDb, database + ".t", EncodedRecordTest::columnsThemselves);
            assertEquals(13, asText.size());
            assertEquals(asColumns, asText, "dates and timestamps selected as text read as the columns themselves");
        } finally {
            TestServers.dropDatabase(DatabaseKind.MYSQL, database);
        }
    }

    /** A stream's table as the source reads it: its columns, their names and kinds, and its query. */
    private record Table(List<ColumnInfo> columns, String[] names, ValueKind[] kinds, String sql) {

        static Table of(Catalog catalog, Connection connection, String stream) throws SQLException {
            TableRef table = catalog.tables(connection, false).stream().filter(t -> t.streamName().equals(stream)).findFirst().orElseThrow();
            List<ColumnInfo> columns = catalog.columns(connection, table);
            return new Table(columns, columns.stream().map(ColumnInfo::name).toArray(String[]::new),
                    columns.stream().map(catalog::readKind).toArray(ValueKind[]::new),
                    ReadPlan.of(catalog, table, columns, Optional.empty(), false).sql());
        }

        /** The current row as the column readers read it: what every encoder must give. */
        ObjectNode read(ResultSet result) throws SQLException {
            ObjectNode row = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < names.length; i++) {
                row.set(names[i], ValueReaders.forKind(kinds[i], MAPPER).read(result, i + 1));
            }
            return row;
        }
    }

    /** The plan's query with every column selected as itself: MariaDB dates and timestamps are selected as text. */
    private static String columnsThemselves(String sql) {
        assertTrue(sql.contains(" AS CHAR)"), sql);
        return sql.replaceAll("CAST\\((`[^`]+`) AS CHAR\\)", "$1");
    }

    /**
     * Reads the stream with the source's query, as {@code query} changes it, and compares every row
     * the encoder writes with the readers' row; returns the readers' rows.
     */
    private static List<ObjectNode> compareAll(DatabaseConfig config, String stream, UnaryOperator<String> query) throws Exception {
        JdbcEngine engine = new JdbcEngine(config);
        Catalog catalog = engine.catalog();
        try (Connection connection = engine.connect()) {
            Table table = Table.of(catalog, connection, stream);
            List<ObjectNode> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(query.apply(table.sql()) + " ORDER BY 1");
                    ResultSet result = statement.executeQuery()) {
                RecordEncoder encoder = RecordEncoder.forResult(result, table.names(), table.kinds(), MAPPER);
                while (result.next()) {
                    ObjectNode expected = table.read(result);
                    compare(expected, () -> encoder.encode(result), stream + " row " + expected.get(table.names()[0]));
                    rows.add(expected);
                }
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
            return rows;
        }
    }

    private static void compare(ObjectNode expected, Encoding encoding, String what) throws Exception {
        String json = recordData(expected);
        // the text offered to sinks (JsonText): the row as Jackson writes it as UTF-8
        assertEquals(new String(MAPPER.writeValueAsBytes(expected), StandardCharsets.UTF_8),
                new String(encoding.encode().jsonText(), StandardCharsets.UTF_8), what + ": its JSON text");
        EncodedRecord record = encoding.encode();
        assertTrue(EncodedRecord.defaultOutput(MAPPER.getFactory().createGenerator(new ByteArrayOutputStream()), null));
        assertEquals(json, recordData(record), what + ": the RECORD data");
        // what other sinks and settings see: Jackson's own path over the tree
        assertEquals(MAPPER.writeValueAsString(expected), MAPPER.writeValueAsString(encoding.encode()), what);
        assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(expected),
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(encoding.encode()), what);
        // settings that change the output take Jackson's path
        for (ObjectMapper special : SPECIAL) {
            assertEquals(recordData(special, expected), recordData(special, encoding.encode()), what);
        }
        // lookups, as the runtime's cursor tracking does them
        for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = record.get(field.getKey());
            assertSame(field.getValue().getClass(), value.getClass(), what + ": " + field.getKey());
            assertEquals(field.getValue(), value, what + ": " + field.getKey());
            assertEquals(json, recordData(record), what);
        }
        String first = expected.fieldNames().next();
        assertTrue(record.has(first));
        assertFalse(record.has("no such column"));
        assertEquals(expected.size(), record.size());
        // the whole tree, as Parquet and field selection use it
        EncodedRecord tree = encoding.encode();
        assertEquals(expected, tree, what);
        assertEquals(tree, expected, what);
        Iterator<String> names = tree.fieldNames();
        for (Iterator<String> wanted = expected.fieldNames(); wanted.hasNext();) {
            assertEquals(wanted.next(), names.next());
        }
        assertEquals(json, recordData(tree), what + ": after the tree was made");
        assertNull(tree.jsonText(), what + ": no JSON text once the tree was handed out, since it may change");
        // a changed record writes its changes
        EncodedRecord changed = encoding.encode();
        changed.remove(first);
        changed.put("added", 1);
        ObjectNode expectedChange = expected.deepCopy();
        expectedChange.remove(first);
        expectedChange.put("added", 1);
        assertEquals(recordData(expectedChange), recordData(changed), what + ": changed");
    }

    /** The data of a RECORD message as the runtime writes it: an ObjectWriter into a UTF-8 generator. */
    private static String recordData(JsonNode data) throws Exception {
        return recordData(MAPPER, data);
    }

    private static String recordData(ObjectMapper mapper, JsonNode data) throws Exception {
        ObjectWriter writer = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeFieldName("data");
            writer.writeValue(generator, data);
            generator.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
