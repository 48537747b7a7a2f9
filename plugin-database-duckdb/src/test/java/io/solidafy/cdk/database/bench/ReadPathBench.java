package io.solidafy.cdk.database.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.database.DatabaseKind;
import io.solidafy.cdk.database.catalog.TableRef;
import io.solidafy.cdk.database.config.DatabaseConfig;
import io.solidafy.cdk.database.engine.JdbcEngine;
import io.solidafy.cdk.database.read.ReadPlan;
import io.solidafy.cdk.database.read.TableReader;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.source.Emitter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Optional;

/**
 * Benchmark (not a test): where the time of a PostgreSQL read goes, without the CLI. Reads
 * {@code public.t} of database {@code solidafy_bench} (made by bench/postgres-throughput.sh; another
 * table of that database when named as the argument, e.g. bench/all.sh's {@code bench_rows}) twice:
 * rows to records only, then also serialised with Jackson to a null stream. Run with
 * {@code bench/java.sh plugin-database-duckdb -Xmx256m io.solidafy.cdk.database.bench.ReadPathBench}.
 */
public final class ReadPathBench {

    private ReadPathBench() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = mapper.createObjectNode().put("host", "127.0.0.1").put("user", "postgres").put("database", "solidafy_bench");
        DatabaseConfig config = DatabaseConfig.from(DatabaseKind.POSTGRES, json);
        JdbcEngine engine = new JdbcEngine(config);
        String name = args.length > 0 ? args[0] : "t";
        TableRef table = new TableRef(null, "public", name, "public." + name, false);
        for (int round = 0; round < 3; round++) {
            for (boolean serialise : new boolean[] {false, true}) {
                JsonGenerator generator = mapper.getFactory().createGenerator(OutputStream.nullOutputStream());
                long started = System.nanoTime();
                long cpuStarted = cpu();
                long rows;
                try (Connection connection = engine.connect()) {
                    var columns = engine.catalog().columns(connection, table);
                    ReadPlan plan = ReadPlan.of(engine.catalog(), table, columns, Optional.empty(), false);
                    rows = new TableReader(engine.catalog(), mapper, config.fetchSize(), config.checkpointInterval(), false)
                            .read(connection, plan, Optional.empty(), new NullEmitter(serialise ? generator : null, mapper));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                double cpuSeconds = (cpu() - cpuStarted) / 1e9;
                System.out.printf("%-20s %,d rows in %.2f s = %,.0f rows/s; JVM CPU %.2f s = %.2f us/row%n",
                        serialise ? "rows -> JSON bytes" : "rows -> records", rows, seconds, rows / seconds, cpuSeconds,
                        cpuSeconds * 1e6 / rows);
            }
        }
    }

    /** CPU time of the whole JVM (all threads), robust against other processes on the machine. */
    private static long cpu() throws IOException {
        // /proc/self/stat: fields 14 and 15 are user and system time in clock ticks (100 per second)
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
    }

    /** Counts records and optionally serialises them. */
    private record NullEmitter(JsonGenerator generator, ObjectMapper mapper) implements Emitter {
        @Override
        public boolean record(ObjectNode data) {
            if (generator != null) {
                try {
                    mapper.writeTree(generator, data);
                    generator.writeRaw('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return true;
        }

        @Override
        public void checkpoint(ObjectNode streamState) {}

        @Override
        public void page(int recordCount) {}

        @Override
        public void log(LogLevel level, String message) {}

        @Override
        public boolean stopRequested() {
            return false;
        }
    }
}
