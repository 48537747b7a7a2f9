package io.solidafy.cdk.parquet.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Benchmark, not a test: {@code sample} records to Parquet through the real CLI (its own JVM,
 * -Xmx256m, plugins from plugins-dir) beside DuckDB's {@code COPY (SELECT * FROM
 * read_json_auto('same.ndjson')) TO 'x.parquet'} over the very same records, in the same run.
 *
 * <p>Run from the repository root after {@code mvn -q -pl plugin-sink-parquet,plugin-source-sample -am package -DskipTests}:
 * <pre>
 * mvn -q -o -pl plugin-sink-parquet exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-cp %classpath io.solidafy.cdk.parquet.bench.ParquetVsDuckDbBench 1000000 customers"
 * </pre>
 * Peak RSS comes from {@code /usr/bin/time}; records/s from wall time (JVM start included) and,
 * for the CLI, also from SYNC_SUMMARY's {@code duration_ms}.
 */
public final class ParquetVsDuckDbBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--duckdb-copy")) {
            duckdbCopy(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String stream = args.length > 1 ? args[1] : "customers";
        String heap = System.getProperty("bench.heap", "-Xmx256m");
        Path root = Path.of(System.getProperty("solidafy.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("parquet-bench");
        String config = "{\"count\":" + records + "}";
        System.out.printf(Locale.ROOT, "== %,d '%s' records of the sample connector; work dir %s%n", records, stream, work);

        Path ndjson = work.resolve("same.ndjson");
        long generated = generateNdjson(root, config, stream, ndjson);
        System.out.printf(Locale.ROOT, "same.ndjson: %,d records, %,d MiB (from the CLI's json output)%n", generated, Files.size(ndjson) >> 20);

        List<double[]> ours = new ArrayList<>();
        for (int run = 1; run <= 2; run++) {
            Path out = work.resolve("parquet-" + run);
            Path time = work.resolve("time-" + run);
            List<String> command = List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", time.toString(), "env", "JAVA_OPTS=" + heap,
                    root.resolve("solidafy-cdk").toString(), "read", "--connector", "sample", "--config-json", config, "--streams", stream,
                    "--format", "parquet", "--output", out.toString(), "--plugins-dir", root.resolve("plugins-dir").toString());
            String summary = lastLine(command);
            JsonNode s = MAPPER.readTree(summary).get("summary");
            if (!"SUCCEEDED".equals(s.get("status").asText())) {
                throw new IllegalStateException("the parquet run failed: " + summary);
            }
            double syncSeconds = s.get("duration_ms").asDouble() / 1000;
            String[] t = Files.readString(time).trim().split("\\s+");
            double wall = Double.parseDouble(t[0]);
            double rssMiB = Double.parseDouble(t[1]) / 1024;
            double cpu = Double.parseDouble(t[2]) + Double.parseDouble(t[3]);
            long bytes = directorySize(out);
            ours.add(new double[] {wall, syncSeconds, rssMiB, cpu});
            System.out.printf(Locale.ROOT, "solidafy-cdk parquet run %d (%s, zstd): %.2f s wall = %,.0f records/s; sync %.2f s = %,.0f records/s;"
                    + " peak RSS %.0f MiB; CPU %.2f s; %,d KiB of Parquet%n", run, heap, wall, records / wall, syncSeconds, records / syncSeconds,
                    rssMiB, cpu, bytes >> 10);
        }

        Path time = work.resolve("time-duckdb");
        String duck = lastLine(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", time.toString(), "java", "-cp",
                System.getProperty("java.class.path"), ParquetVsDuckDbBench.class.getName(), "--duckdb-copy", ndjson.toString(),
                work.resolve("x.parquet").toString()));
        double copySeconds = Double.parseDouble(duck.trim());
        String[] t = Files.readString(time).trim().split("\\s+");
        double duckWall = Double.parseDouble(t[0]);
        double duckRss = Double.parseDouble(t[1]) / 1024;
        double duckCpu = Double.parseDouble(t[2]) + Double.parseDouble(t[3]);
        System.out.printf(Locale.ROOT, "DuckDB COPY read_json_auto -> parquet: statement %.2f s = %,.0f records/s; process %.2f s wall"
                + " (JVM + DuckDB start); peak RSS %.0f MiB; CPU %.2f s; %,d KiB of Parquet%n", copySeconds, records / copySeconds, duckWall,
                duckRss, duckCpu, Files.size(work.resolve("x.parquet")) >> 10);

        double[] best = ours.get(0)[1] < ours.get(1)[1] ? ours.get(0) : ours.get(1);
        System.out.printf(Locale.ROOT, "ratio (ours / DuckDB records/s), best of our runs: sync time vs COPY statement %.2f;"
                + " wall vs wall %.2f; CPU seconds vs CPU seconds %.2f%n", copySeconds / best[1], duckWall / best[0], duckCpu / best[3]);
    }

    /** The CLI's json output of the sample source, reduced to the records' data, one per line. */
    private static long generateNdjson(Path root, String config, String stream, Path ndjson) throws Exception {
        Process p = new ProcessBuilder(root.resolve("solidafy-cdk").toString(), "read", "--connector", "sample", "--config-json", config,
                "--streams", stream, "--plugins-dir", root.resolve("plugins-dir").toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(ndjson);
                JsonGenerator gen = MAPPER.getFactory().createGenerator(out)) {
            gen.setRootValueSeparator(null);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("{\"type\":\"RECORD\"")) {
                    gen.writeTree(MAPPER.readTree(line).get("record").get("data"));
                    gen.flush();
                    out.write('\n');
                    n++;
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("generating same.ndjson failed");
        }
        return n;
    }

    private static String lastLine(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                last = line;
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed");
        }
        return last;
    }

    private static long directorySize(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Child process: DuckDB's own conversion; prints the statement's seconds. */
    private static void duckdbCopy(Path ndjson, Path parquet) throws Exception {
        try (Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("COPY (SELECT * FROM read_json_auto('" + ndjson + "')) TO '" + parquet + "'");
            System.out.println((System.nanoTime() - start) / 1e9);
        }
    }
}
