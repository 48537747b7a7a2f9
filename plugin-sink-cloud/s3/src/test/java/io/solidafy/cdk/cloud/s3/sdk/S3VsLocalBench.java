package io.solidafy.cdk.cloud.s3.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: {@code sample} records to Parquet through the real launcher, to a local
 * directory and to S3Proxy (in this JVM, objects kept on local disk), in interleaved rounds; then
 * the start-up cost of {@code list}, {@code spec} and a small read to stdout with and without the
 * S3 plugin installed. Run {@code bench/s3-vs-local.sh [records]} from the repository root.
 */
public final class S3VsLocalBench {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("solidafy.root", ".")).toAbsolutePath();
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = Integer.getInteger("bench.rounds", 3);
        String heap = System.getProperty("bench.heap", "-Xmx256m");
        Path work = Files.createTempDirectory("s3-bench-");
        try (S3ProxyEmulator s3 = new S3ProxyEmulator(Files.createDirectories(work.resolve("s3proxy")))) {
            s3.createBucket("bench");
            List<Double> ratios = new ArrayList<>();
            System.out.printf(Locale.ROOT, "%d sample customers to Parquet, %s, S3Proxy %s (on local disk)%n", records, heap, s3.endpoint());
            for (int round = 1; round <= rounds; round++) {
                String[] sync = {"read", "-c", "sample", "--config-json", "{\"count\":" + records + "}", "--streams", "customers",
                        "-f", "parquet", "-o"};
                Run local = run(root, heap, Map.of(), concat(sync, work.resolve("local-" + round).toString()));
                Run remote = run(root, heap, s3.environment(), concat(sync, "s3://bench/round-" + round + "/"));
                double ratio = remote.rate(records) / local.rate(records);
                ratios.add(ratio);
                System.out.printf(Locale.ROOT, "round %d: local %,.0f records/s (%,d ms wall, %.2f s CPU), S3 %,.0f records/s (%,d ms wall,"
                        + " %.2f s CPU): %.2f%n", round, local.rate(records), local.wallMillis, local.cpuSeconds, remote.rate(records),
                        remote.wallMillis, remote.cpuSeconds, ratio);
            }
            System.out.printf(Locale.ROOT, "median S3/local ratio over %d rounds: %.2f%n", rounds, median(ratios));
            startUp(root, heap, work);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    /** Wall time of list, spec and a 5-record read to stdout, with and without the S3 plugin folder. */
    private static void startUp(Path root, String heap, Path work) throws Exception {
        Path withoutS3 = Files.createDirectories(work.resolve("plugins-without-s3"));
        try (Stream<Path> plugins = Files.list(root.resolve("plugins-dir"))) {
            for (Path plugin : plugins.filter(Files::isDirectory).toList()) {
                if (!plugin.getFileName().toString().equals("plugin-storage-s3")) {
                    Files.createSymbolicLink(withoutS3.resolve(plugin.getFileName()), plugin);
                }
            }
        }
        String with = root.resolve("plugins-dir").toString();
        String[][] commands = {{"list"}, {"spec", "-c", "sample"}, {"read", "-c", "sample", "--config-json", "{\"count\":5}"}};
        int repeats = Integer.getInteger("bench.startups", 5);
        System.out.println("start-up, median of " + repeats + " interleaved runs, with S3 plugin / without: wall ms; user+sys CPU s");
        for (String[] command : commands) {
            List<Double> withTimes = new ArrayList<>();
            List<Double> withoutTimes = new ArrayList<>();
            List<Double> withCpu = new ArrayList<>();
            List<Double> withoutCpu = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                Run a = run(root, heap, Map.of(), concat(command, "--plugins-dir", with));
                Run b = run(root, heap, Map.of(), concat(command, "--plugins-dir", withoutS3.toString()));
                withTimes.add((double) a.wallMillis);
                withoutTimes.add((double) b.wallMillis);
                withCpu.add(a.cpuSeconds);
                withoutCpu.add(b.cpuSeconds);
            }
            System.out.printf(Locale.ROOT, "  %-5s %,6.0f / %,6.0f ms (%.2f); %.2f / %.2f s CPU (%.2f)%n", command[0], median(withTimes),
                    median(withoutTimes), median(withTimes) / median(withoutTimes), median(withCpu), median(withoutCpu),
                    median(withCpu) / median(withoutCpu));
        }
    }

    /** @param cpuSeconds user + system CPU of the CLI's process, from /usr/bin/time */
    private record Run(long wallMillis, long syncMillis, double cpuSeconds) {
        double rate(int records) {
            return records * 1000.0 / Math.max(1, syncMillis);
        }
    }

    private static Run run(Path root, String heap, Map<String, String> env, String... args) throws Exception {
        Path times = Files.createTempFile("time-", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%U %S",
                root.resolve("solidafy-cdk").toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        builder.environment().put("JAVA_OPTS", heap);
        long start = System.nanoTime();
        Process process = builder.start();
        String last = null;
        try (var lines = process.inputReader().lines()) {
            for (String line : (Iterable<String>) lines::iterator) {
                last = line;
            }
        }
        int code = process.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited with " + code + ": " + last);
        }
        String[] cpu = Files.readString(times).trim().split("\\s+");
        Files.delete(times);
        double cpuSeconds = Double.parseDouble(cpu[cpu.length - 2]) + Double.parseDouble(cpu[cpu.length - 1]);
        JsonNode summary = last == null ? null : MAPPER.readTree(last).get("summary");
        if (summary != null && !"SUCCEEDED".equals(summary.get("status").asText())) {
            throw new IllegalStateException("the sync did not succeed: " + last);
        }
        return new Run(wall, summary == null ? wall : summary.get("duration_ms").asLong(), cpuSeconds);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
