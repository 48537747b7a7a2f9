package io.solidafy.cdk.declarative.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.solidafy.cdk.declarative.DeclarativePlugin;
import io.solidafy.cdk.declarative.YamlSourceFactory;
import io.solidafy.cdk.spi.LogLevel;
import io.solidafy.cdk.spi.declarative.AuthenticatorFactory;
import io.solidafy.cdk.spi.declarative.PaginatorFactory;
import io.solidafy.cdk.spi.source.ConnectorInfo;
import io.solidafy.cdk.spi.source.Emitter;
import io.solidafy.cdk.spi.source.Source;
import io.solidafy.cdk.spi.source.SourceContext;
import io.solidafy.cdk.spi.source.StreamReadRequest;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Benchmark (not a test): one stream of 1,000,000 records (~800 bytes each) over 10,000 pages from
 * a local JDK HTTP server, read by the declarative engine and by a bare HttpClient 5 + Jackson
 * loop, in the same JVM. Prints records/s and peak RSS (VmHWM, reset between phases).
 *
 * <p>Run: {@code bench/java.sh plugin-declarative-yaml -Xmx128m -XX:+UseParallelGC
 * io.solidafy.cdk.declarative.bench.EngineBench}; environment {@code BENCH_PAGES} and {@code
 * BENCH_PAGE_SIZE} change the shape.
 */
public final class EngineBench {

    /** Records per page; {@code BENCH_PAGE_SIZE=100000 BENCH_PAGES=10} gives 80 MB pages (memory check). */
    private static final int PAGE_SIZE = Integer.parseInt(System.getenv().getOrDefault("BENCH_PAGE_SIZE", "100"));

    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        int pages = Integer.parseInt(System.getenv().getOrDefault("BENCH_PAGES", "10000"));
        // small pages are generated once; huge pages are generated while sent, so the server needs no big buffer
        boolean huge = PAGE_SIZE > 1000;
        byte[] middle = huge ? null : page(true);
        byte[] last = huge ? null : page(false);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        int total = pages;
        server.createContext("/items", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (huge) {
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = new java.io.BufferedOutputStream(exchange.getResponseBody(), 1 << 16)) {
                    writePage(out, page < total);
                }
                return;
            }
            byte[] body = page >= total ? last : middle;
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        System.out.printf(Locale.ROOT, "record size ~%d bytes, %d records per page, %d pages, max heap %d MB%n",
                huge ? 824 : middle.length / PAGE_SIZE, PAGE_SIZE, pages, Runtime.getRuntime().maxMemory() >> 20);
        try {
            // warm-up of both paths on a short stream (pages beyond the total answer as the last page)
            bare(base, Math.min(500, pages));
            engine(base, Math.min(500, pages), true);
            resetPeakRss();
            Result bare = bare(base, pages);
            long bareRss = peakRssKb();
            resetPeakRss();
            Result engine = engine(base, pages, false);
            long engineRss = peakRssKb();
            resetPeakRss();
            Result cli = cli(base);
            long cliRss = peakRssKb();
            print("bare HttpClient5+Jackson", bare, bareRss);
            print("declarative engine", engine, engineRss);
            print("CLI read -> JSON lines", cli, cliRss);
            System.out.printf(Locale.ROOT, "engine / bare = %.1f%%%n", 100.0 * engine.rate() / bare.rate());
        } finally {
            server.stop(0);
            System.exit(0);
        }
    }

    /** Records read and seconds taken. */
    record Result(long records, double seconds) {
        double rate() {
            return records / seconds;
        }
    }

    private static void print(String what, Result result, long rssKb) {
        System.out.printf(Locale.ROOT, "%-26s %,10d records in %6.2f s = %,9.0f records/s, peak RSS %,d MB%n", what, result.records(),
                result.seconds(), result.rate(), rssKb / 1024);
    }

    /** A page of PAGE_SIZE records of about 800 bytes, with has_more set as given. */
    private static byte[] page(boolean hasMore) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writePage(out, hasMore);
        return out.toByteArray();
    }

    private static void writePage(OutputStream out, boolean hasMore) throws java.io.IOException {
        out.write(("{\"object\":\"list\",\"has_more\":" + hasMore + ",\"data\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < PAGE_SIZE; i++) {
            StringBuilder record = new StringBuilder(900);
            record.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"cus_").append(100000 + i).append("\",\"object\":\"customer\",\"created\":").append(1700000000 + i)
                    .append(",\"email\":\"user").append(i).append("@example.com\",\"name\":\"Customer Number ").append(i)
                    .append("\",\"active\":true,\"balance\":").append(i * 137).append(",\"currency\":\"usd\",\"tags\":[\"alpha\",\"beta\",\"gamma\"],")
                    .append("\"address\":{\"line1\":\"").append(i).append(" Main Street\",\"city\":\"Springfield\",\"postal_code\":\"12345\",\"country\":\"US\"},")
                    .append("\"metadata\":{\"plan\":\"enterprise\",\"region\":\"eu-west-1\",\"segment\":\"b2b\"},")
                    .append("\"description\":\"").append(LOREM)
                    .append("\",\"score\":").append(i * 0.5).append(",\"updated_at\":\"2024-01-01T00:00:00Z\"}");
            out.write(record.toString().getBytes(StandardCharsets.UTF_8));
        }
        out.write("]}".getBytes(StandardCharsets.UTF_8));
    }

    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et"
            + " dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat."
            + " Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat"
            + " cupidatat non proident, sunt in culpa.";

    /**
     * The bare loop: same client library and JSON parser, no engine, and each record written as the
     * CLI writes it (a RECORD line, to the same kind of discarding stream), one thread doing it all.
     */
    private static Result bare(String base, int pages) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectWriter writer = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        long records = 0;
        long start = System.nanoTime();
        try (JsonGenerator out = mapper.getFactory().createGenerator(new BufferedOutputStream(new LastLine(), 1 << 16));
                CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().build()).build()) {
            for (int page = 1; page <= pages; page++) {
                try (CloseableHttpResponse response = client.execute(new HttpGet(base + "/items?page=" + page + "&limit=" + PAGE_SIZE))) {
                    try (InputStream in = response.getEntity().getContent(); JsonParser parser = mapper.getFactory().createParser(in)) {
                        parser.nextToken();
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            if (name.equals("data")) {
                                while (parser.nextToken() != JsonToken.END_ARRAY) {
                                    JsonNode record = mapper.readTree(parser);
                                    out.writeStartObject();
                                    out.writeStringField("type", "RECORD");
                                    out.writeFieldName("record");
                                    out.writeStartObject();
                                    out.writeStringField("stream", "items");
                                    out.writeFieldName("data");
                                    writer.writeValue(out, record);
                                    out.writeNumberField("emitted_at", System.currentTimeMillis());
                                    out.writeEndObject();
                                    out.writeEndObject();
                                    out.writeRaw('\n');
                                    records++;
                                }
                            } else {
                                parser.skipChildren();
                            }
                        }
                    }
                    EntityUtils.consume(response.getEntity());
                }
            }
        }
        return new Result(records, (System.nanoTime() - start) / 1e9);
    }

    /** The whole CLI ({@code read}, JSON lines to a discarding stdout): engine plus runtime pipeline and writer. */
    private static Result cli(String base) throws Exception {
        Path file = Files.createTempFile("bench-cli", ".yaml");
        Files.writeString(file, YAML.replace("BASE", base).replace("PAGE_SIZE", Integer.toString(PAGE_SIZE)));
        Path plugins = Files.createTempDirectory("bench-plugins");
        LastLine stdout = new LastLine();
        long start = System.nanoTime();
        int code = io.solidafy.cdk.runtime.cli.Main.run(new String[] {"read", "--connector", file.toString(), "--config-json", "{}",
                "--log-level", "INFO", "--plugins-dir", plugins.toString()}, stdout, System.err, java.util.Map.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(file);
        Files.deleteIfExists(plugins);
        JsonNode summary = new ObjectMapper().readTree(stdout.last()).path("summary");
        if (code != 0 || !summary.path("status").asText().equals("SUCCEEDED")) {
            throw new IllegalStateException("CLI read failed: " + stdout.last());
        }
        return new Result(summary.path("total_records").asLong(), seconds);
    }

    /**
     * Discards output but keeps the last complete line (the SYNC_SUMMARY), copying only the tail of
     * each write, so that it costs about what writing to /dev/null costs.
     */
    private static final class LastLine extends OutputStream {
        private final java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
        private byte[] last = new byte[0];

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int end = off + len;
            int lastNewline = end - 1;
            while (lastNewline >= off && b[lastNewline] != '\n') {
                lastNewline--;
            }
            if (lastNewline < off) {
                current.write(b, off, len);
                return;
            }
            int lineStart = lastNewline - 1;
            while (lineStart >= off && b[lineStart] != '\n') {
                lineStart--;
            }
            if (lineStart < off) {
                current.write(b, off, lastNewline - off); // the line began in an earlier write
            } else {
                current.reset();
                current.write(b, lineStart + 1, lastNewline - lineStart - 1);
            }
            last = current.toByteArray();
            current.reset();
            current.write(b, lastNewline + 1, end - lastNewline - 1);
        }

        String last() {
            return new String(last, StandardCharsets.UTF_8);
        }
    }

    private static final String YAML = """
            name: bench
            base_url: BASE
            streams:
              - name: items
                request:
                  path: /items
                decoder:
                  type: json
                  records_path: data
                pagination:
                  type: page_number
                  page_size_param: limit
                  page_size: PAGE_SIZE
                  stop:
                    type: field
                    path: has_more
                    value: false
            """;

    /** The declarative engine reading the same pages through a connector file. */
    private static Result engine(String base, int pages, boolean warmUp) throws Exception {
        Path file = Files.createTempFile("bench", ".yaml");
        Files.writeString(file, """
                name: bench
                base_url: BASE
                streams:
                  - name: items
                    request:
                      path: /items
                    decoder:
                      type: json
                      records_path: data
                    pagination:
                      type: page_number
                      page_size_param: limit
                      page_size: PAGE_SIZE
                      stop:
                        type: field
                        path: has_more
                        value: false
                """.replace("BASE", base).replace("PAGE_SIZE", Integer.toString(PAGE_SIZE)));
        DeclarativePlugin plugin = new DeclarativePlugin();
        YamlSourceFactory factory = new YamlSourceFactory(Clock.systemUTC());
        ConnectorInfo info = factory.load(file);
        SourceContext context = new SourceContext() {
            @Override
            public void log(LogLevel level, String message) {
                if (level.compareTo(LogLevel.WARN) >= 0) {
                    System.err.println(level + " " + message);
                }
            }

            @Override
            public List<AuthenticatorFactory> authenticators() {
                return plugin.authenticators();
            }

            @Override
            public List<PaginatorFactory> paginators() {
                return plugin.paginators();
            }
        };
        long[] count = new long[1];
        Emitter emitter = new Emitter() {
            @Override
            public boolean record(ObjectNode data) {
                count[0]++;
                return true;
            }

            @Override
            public void checkpoint(ObjectNode streamState) {}

            @Override
            public void page(int recordCount) {}

            @Override
            public void log(LogLevel level, String message) {
                if (level.compareTo(LogLevel.WARN) >= 0) {
                    System.err.println(level + " " + message);
                }
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
        ObjectMapper mapper = new ObjectMapper();
        long start = System.nanoTime();
        try (Source source = factory.open(info, mapper.createObjectNode(), context)) {
            var stream = source.streams().get(0);
            // warm-up reads a short prefix: the server answers pages >= total as the last page only for the full run
            source.read(new StreamReadRequest(stream, mapper.createObjectNode(), OptionalLong.empty()), warmUp ? limited(emitter, count, pages) : emitter);
        }
        Files.deleteIfExists(file);
        return new Result(count[0], (System.nanoTime() - start) / 1e9);
    }

    private static Emitter limited(Emitter inner, long[] count, int pages) {
        return new Emitter() {
            @Override
            public boolean record(ObjectNode data) {
                inner.record(data);
                return count[0] < (long) pages * PAGE_SIZE;
            }

            @Override
            public void checkpoint(ObjectNode streamState) {}

            @Override
            public void page(int recordCount) {}

            @Override
            public void log(LogLevel level, String message) {
                inner.log(level, message);
            }

            @Override
            public boolean stopRequested() {
                return count[0] >= (long) pages * PAGE_SIZE;
            }
        };
    }

    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (Exception e) {
            // not Linux, or not allowed: the figure is then the peak since start
        }
    }

    private static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }
}
