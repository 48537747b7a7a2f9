package io.solidafy.cdk.parquet.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * <p>Run with {@code bench/parquet-vs-duckdb.sh [records] [stream]} from the repository root.
 * Peak RSS and CPU come from {@code /usr/bin/time}; the CLI's records/s from SYNC_SUMMARY's {@code
 * duration_ms} (and from wall time with JVM start), DuckDB's from the COPY statement alone. A third
 * measurement writes the same NDJSON through this sink alone, its lines handed over as records
 * carrying their JSON text, which is DuckDB's task exactly; a fourth parses each line into a Jackson
 * tree first, as for a source that builds trees (both with the collector and JIT settings the
 * launcher gives a sync: -XX:+UseParallelGC and {@code -Dbench.syncJit}). Rounds ({@code
 * -Dbench.rounds}, 3) interleave the measurements because the machine is shared; the medians of the
 * ratios are the headline figures. The work directory is deleted at the end unless {@code
 * -Dbench.keep=true}.
 */
public final class ParquetVsDuckDbBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--duckdb-copy")) {
            duckdbCopy(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? args[3] : null);
            return;
        }
        if (args.length > 0 && args[0].equals("--parse-only")) {
            long start = System.nanoTime();
            long n = 0;
            try (com.fasterxml.jackson.databind.MappingIterator<com.fasterxml.jackson.databind.node.ObjectNode> records =
                    MAPPER.readerFor(com.fasterxml.jackson.databind.node.ObjectNode.class).readValues(Path.of(args[1]).toFile())) {
                while (records.hasNext()) {
                    n += records.next().size();
                }
            }
            System.out.println((System.nanoTime() - start) / 1e9 + " " + n);
            return;
        }
        if (args.length > 0 && args[0].startsWith("--sink-only")) {
            sinkOnly(Path.of(args[1]), Path.of(args[2]), args[0].equals("--sink-only-trees"));
            return;
        }
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String stream = args.length > 1 ? args[1] : "customers";
        String heap = System.getProperty("bench.heap", "-Xmx256m");
        List<String> sinkJvm = new ArrayList<>(List.of("java", heap, "-XX:+UseParallelGC"));
        sinkJvm.addAll(List.of(System.getProperty("bench.syncJit", "").trim().split("\\s+")));
        sinkJvm.removeIf(String::isEmpty);
        sinkJvm.addAll(List.of("-cp", System.getProperty("java.class.path"), ParquetVsDuckDbBench.class.getName()));
        Path root = Path.of(System.getProperty("solidafy.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("parquet-bench");
        String config = "{\"count\":" + records + "}";
        System.out.printf(Locale.ROOT, "== %,d '%s' records of the sample connector; work dir %s%n", records, stream, work);

        Path ndjson = work.resolve("same.ndjson");
        long generated = generateNdjson(root, config, stream, ndjson);
        System.out.printf(Locale.ROOT, "same.ndjson: %,d records, %,d MiB (from the CLI's json output)%n", generated, Files.size(ndjson) >> 20);
        // on disk before the first round, which the writing back of several hundred MB would otherwise slow
        try (FileChannel file = FileChannel.open(ndjson, StandardOpenOption.WRITE)) {
            file.force(true);
        }

        int rounds = Integer.getInteger("bench.rounds", 3);
        List<Double> cliRatios = new ArrayList<>();
        List<Double> sinkRatios = new ArrayList<>();
        List<Double> zstdRatios = new ArrayList<>();
        // Rounds interleave the three measurements, so load from other users of the machine hits them alike.
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "-- round %d%n", round);
            Path out = work.resolve("parquet-" + round);
            Measured cli = measure(work, List.of("env", "JAVA_OPTS=" + heap, root.resolve("solidafy-cdk").toString(), "read", "--connector",
                    "sample", "--config-json", config, "--streams", stream, "--format", "parquet", "--output", out.toString(),
                    "--plugins-dir", root.resolve("plugins-dir").toString()));
            JsonNode summary = MAPPER.readTree(cli.lastLine()).get("summary");
            if (!"SUCCEEDED".equals(summary.get("status").asText())) {
                throw new IllegalStateException("the parquet run failed: " + summary);
            }
            double sync = summary.get("duration_ms").asDouble() / 1000;
            System.out.printf(Locale.ROOT, "solidafy-cdk read sample -> parquet (%s, zstd): sync %.2f s = %,.0f records/s; %.2f s wall with JVM"
                    + " start = %,.0f records/s; peak RSS %.0f MiB; CPU %.2f s; %,d KiB%n", heap, sync, records / sync, cli.wall(),
                    records / cli.wall(), cli.rssMiB(), cli.cpu(), directorySize(out) >> 10);

            Path x = work.resolve("x-" + round + ".parquet");
            Measured duck = measure(work, List.of("java", "-cp", System.getProperty("java.class.path"),
                    ParquetVsDuckDbBench.class.getName(), "--duckdb-copy", ndjson.toString(), x.toString()));
            double copy = Double.parseDouble(duck.lastLine().trim());
            System.out.printf(Locale.ROOT, "DuckDB COPY (SELECT * FROM read_json_auto('same.ndjson')) TO parquet: statement %.2f s = %,.0f"
                    + " records/s; %.2f s wall with JVM + DuckDB start; peak RSS %.0f MiB; CPU %.2f s; %,d KiB%n", copy, records / copy,
                    duck.wall(), duck.rssMiB(), duck.cpu(), Files.size(x) >> 10);

            // DuckDB compresses with snappy by default; with zstd it writes the codec this sink writes
            Path xz = work.resolve("x-zstd-" + round + ".parquet");
            Measured duckZstd = measure(work, List.of("java", "-cp", System.getProperty("java.class.path"),
                    ParquetVsDuckDbBench.class.getName(), "--duckdb-copy", ndjson.toString(), xz.toString(), "zstd"));
            double copyZstd = Double.parseDouble(duckZstd.lastLine().trim());
            System.out.printf(Locale.ROOT, "DuckDB COPY ... TO parquet (COMPRESSION zstd): statement %.2f s = %,.0f records/s; CPU %.2f s; %,d KiB%n",
                    copyZstd, records / copyZstd, duckZstd.cpu(), Files.size(xz) >> 10);

            Path sinkOut = work.resolve("sink-only-" + round);
            Measured sink = measure(work, command(sinkJvm, "--sink-only", ndjson.toString(), sinkOut.toString()));
            double sinkSeconds = Double.parseDouble(sink.lastLine().trim());
            System.out.printf(Locale.ROOT, "same.ndjson lines -> this sink alone, as JSON text (%s): %.2f s = %,.0f records/s; peak RSS"
                    + " %.0f MiB; CPU %.2f s%n", heap, sinkSeconds, records / sinkSeconds, sink.rssMiB(), sink.cpu());

            Path treesOut = work.resolve("sink-only-trees-" + round);
            Measured trees = measure(work, command(sinkJvm, "--sink-only-trees", ndjson.toString(), treesOut.toString()));
            double treesSeconds = Double.parseDouble(trees.lastLine().trim());
            System.out.printf(Locale.ROOT, "same.ndjson -> Jackson trees -> this sink alone (%s): %.2f s = %,.0f records/s (%.2f of DuckDB's"
                    + " rate); peak RSS %.0f MiB; CPU %.2f s%n", heap, treesSeconds, records / treesSeconds, copy / treesSeconds, trees.rssMiB(),
                    trees.cpu());

            Measured json = measure(work, List.of("sh", "-c", "JAVA_OPTS=" + heap + " \"$0\" \"$@\" | tail -n 1",
                    root.resolve("solidafy-cdk").toString(), "read", "--connector", "sample", "--config-json", config, "--streams", stream,
                    "--plugins-dir", root.resolve("plugins-dir").toString()));
            double jsonSync = MAPPER.readTree(json.lastLine()).get("summary").get("duration_ms").asDouble() / 1000;
            System.out.printf(Locale.ROOT, "ceiling: the same read with --format json (RECORD lines to a pipe, no Parquet): sync %.2f s ="
                    + " %,.0f records/s (%.2f of DuckDB's rate); CPU %.2f s%n", jsonSync, records / jsonSync, copy / jsonSync, json.cpu());

            Measured parse = measure(work, List.of("java", heap, "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                    ParquetVsDuckDbBench.class.getName(), "--parse-only", ndjson.toString()));
            double parseSeconds = Double.parseDouble(parse.lastLine().trim().split(" ")[0]);
            System.out.printf(Locale.ROOT, "for scale: parsing same.ndjson into Jackson trees alone takes %.2f s (%.2f of DuckDB's rate)%n",
                    parseSeconds, copy / parseSeconds);

            cliRatios.add(copy / sync);
            sinkRatios.add(copy / sinkSeconds);
            zstdRatios.add(copyZstd / sinkSeconds);
            System.out.printf(Locale.ROOT, "ratio to DuckDB's records/s: CLI sync %.2f, NDJSON -> sink %.2f (%.2f of DuckDB with zstd)%n",
                    copy / sync, copy / sinkSeconds, copyZstd / sinkSeconds);
        }
        System.out.printf(Locale.ROOT, "== median ratio over %d rounds: CLI (sample source -> parquet) %.2f of DuckDB's rate;"
                + " NDJSON -> parquet (like for like) %.2f%n", rounds, median(cliRatios), median(sinkRatios));
        System.out.printf(Locale.ROOT, "   NDJSON -> parquet against DuckDB writing zstd too: %.2f%n", median(zstdRatios));
        if (!Boolean.getBoolean("bench.keep")) {
            deleteTree(work); // several hundred MB per run
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A child process's last stdout line, wall seconds, peak RSS and CPU seconds (from /usr/bin/time). */
    private record Measured(String lastLine, double wall, double rssMiB, double cpu) {}

    private static Measured measure(Path work, List<String> command) throws Exception {
        Path time = work.resolve("time");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", time.toString()));
        timed.addAll(command);
        String last = lastLine(timed);
        String[] t = Files.readString(time).trim().split("\\s+");
        return new Measured(last, Double.parseDouble(t[0]), Double.parseDouble(t[1]) / 1024,
                Double.parseDouble(t[2]) + Double.parseDouble(t[3]));
    }

    private static List<String> command(List<String> jvm, String... args) {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of(args));
        return command;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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

    /**
     * Child process: the same NDJSON written through this sink alone (no runtime, no source), the
     * like-for-like counterpart of DuckDB's COPY; prints the seconds. Each line goes in as a record
     * carrying its JSON text ({@link NdjsonRecord}), as a source holding text hands records over;
     * with {@code trees}, each line is parsed into a Jackson tree first, as a source that builds
     * trees hands them over.
     */
    private static void sinkOnly(Path ndjson, Path out, boolean trees) throws Exception {
        Files.createDirectories(out);
        io.solidafy.cdk.spi.storage.ObjectStorage storage = new io.solidafy.cdk.parquet.DirectoryStorage(out);
        long start = System.nanoTime();
        var sink = new io.solidafy.cdk.parquet.ParquetSinkFactory().open(new io.solidafy.cdk.spi.sink.SinkRequest("parquet",
                java.util.Optional.of(storage), MAPPER.createObjectNode(), java.time.Instant.now(), (level, message) -> {}));
        var writer = sink.openStream(io.solidafy.cdk.spi.source.StreamDescriptor.named("bench"));
        if (trees) {
            try (com.fasterxml.jackson.databind.MappingIterator<com.fasterxml.jackson.databind.node.ObjectNode> records =
                    MAPPER.readerFor(com.fasterxml.jackson.databind.node.ObjectNode.class).readValues(ndjson.toFile())) {
                while (records.hasNext()) {
                    writer.write(records.next(), 0L);
                }
            }
        } else {
            lines(ndjson, line -> writer.write(new NdjsonRecord(line), 0L));
        }
        writer.commit();
        System.out.println((System.nanoTime() - start) / 1e9);
    }

    private interface LineSink {
        void line(byte[] line) throws IOException;
    }

    /** Hands each non-empty line of {@code file}, without its newline, to {@code sink}; reads 1 MiB at a time. */
    private static void lines(Path file, LineSink sink) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int filled = 0;
            boolean end = false;
            while (!end || filled > 0) {
                if (!end) {
                    int read = in.read(buffer, filled, buffer.length - filled);
                    end = read < 0;
                    filled += Math.max(read, 0);
                }
                int start = 0;
                for (int newline; (newline = newline(buffer, start, filled)) >= 0; start = newline + 1) {
                    if (newline > start) {
                        sink.line(java.util.Arrays.copyOfRange(buffer, start, newline));
                    }
                }
                if (end && start < filled) { // a last line without its newline
                    sink.line(java.util.Arrays.copyOfRange(buffer, start, filled));
                    start = filled;
                }
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                if (filled == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
                }
            }
        }
    }

    /** Where the next newline is from {@code from} on, or -1: a loop of its own, which the JIT keeps tight. */
    private static int newline(byte[] buffer, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Child process: DuckDB's own conversion, with its default compression unless one is given; prints the statement's seconds. */
    private static void duckdbCopy(Path ndjson, Path parquet, String compression) throws Exception {
        try (Connection c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties()); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("COPY (SELECT * FROM read_json_auto('" + ndjson + "')) TO '" + parquet + "'"
                    + (compression == null ? "" : " (FORMAT parquet, COMPRESSION " + compression + ")"));
            System.out.println((System.nanoTime() - start) / 1e9);
        }
    }
}
