package io.solidafy.cdk.runtime.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark client (not a test) for a running {@code solidafy-cdk serve}: requests/s and p99
 * latency of {@code GET /connectors} and of small {@code /sync} calls (sample, 100 records) at 1, 8
 * and 32 concurrent clients, then the records/s of one streamed sync.
 * Usage: ServerLoad BASE_URL [seconds per step] [records of the streamed sync]
 */
public final class ServerLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long streamed = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        HttpRequest connectors = HttpRequest.newBuilder(base.resolve("/connectors")).GET().build();
        HttpRequest sync = HttpRequest.newBuilder(base.resolve("/sync")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connector\":\"sample\",\"config\":{\"count\":100},\"streams\":[\"customers\"]}"))
                .build();
        load(client, connectors, 8, 2); // warm-up of both JVMs
        load(client, sync, 8, 2);
        for (String name : List.of("GET /connectors", "POST /sync (sample, 100 records)")) {
            for (int clients : new int[] {1, 8, 32}) {
                Result result = load(client, name.startsWith("GET") ? connectors : sync, clients, seconds);
                System.out.printf("%-34s %2d clients: %8.0f requests/s, p50 %6.1f ms, p99 %6.1f ms (%d requests, %d errors)%n",
                        name, clients, result.perSecond(), result.percentile(0.50), result.percentile(0.99), result.latencies.size(),
                        result.errors);
            }
        }
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            long records = stream(client, base, streamed);
            double secs = (System.nanoTime() - started) / 1e9;
            System.out.printf("streamed /sync round %d: %d records in %.2f s = %.0f records/s%n", round, records, secs, records / secs);
        }
        System.exit(0);
    }

    private static long stream(HttpClient client, URI base, long count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/sync")).header("Content-Type", "application/json")
                .header("Accept", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"connector\":\"sample\",\"config\":{\"count\":" + count
                        + "},\"streams\":[\"customers\"]}"))
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long records = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("{\"type\":\"RECORD\"")) {
                    records++;
                }
            }
        }
        return records;
    }

    private static Result load(HttpClient client, HttpRequest request, int clients, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Result>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                Result own = new Result(0);
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    own.latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 200) {
                        own.errors++;
                    }
                }
                return own;
            }));
        }
        Result all = new Result(0);
        for (Future<Result> future : futures) {
            Result own = future.get();
            all.latencies.addAll(own.latencies);
            all.errors += own.errors;
        }
        all.elapsedNanos = System.nanoTime() - started;
        pool.shutdown();
        return all;
    }

    private static final class Result {
        final List<Long> latencies = new ArrayList<>();
        int errors;
        long elapsedNanos;

        Result(long elapsedNanos) {
            this.elapsedNanos = elapsedNanos;
        }

        double perSecond() {
            return latencies.size() / (elapsedNanos / 1e9);
        }

        double percentile(double p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }
    }
}
