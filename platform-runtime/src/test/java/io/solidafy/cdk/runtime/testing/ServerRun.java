package io.solidafy.cdk.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.solidafy.cdk.runtime.ops.Platform;
import io.solidafy.cdk.runtime.ops.Resolution;
import io.solidafy.cdk.runtime.server.HttpServer;
import io.solidafy.cdk.runtime.server.ServerOptions;
import io.solidafy.cdk.spi.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A real HTTP server started in-process on a free port, with a real HTTP client. Shared with the
 * plugin modules' tests through this module's test jar.
 */
public final class ServerRun implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServerRun(ServerOptions options, Path pluginsDir) {
        // kept for assertions, and echoed to the test's stderr for whoever reads a failure
        OutputStream tee = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                log.write(b);
                System.err.write(b);
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                log.write(bytes, offset, length);
                System.err.write(bytes, offset, length);
            }
        };
        PrintStream diagnostics = new PrintStream(tee, true, StandardCharsets.UTF_8);
        Platform platform = Platform.load(pluginsDir, Resolution.namesOnly(options.connectorsDir()), diagnostics::println);
        this.server = new HttpServer(options, platform, new ObjectMapper(), LogLevel.DEBUG, diagnostics);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the server did not start", e);
        }
    }

    /** Starts a server with these options, loading plugins from the class path and {@code pluginsDir}. */
    public static ServerRun start(ServerOptions options, Path pluginsDir) {
        return new ServerRun(options, pluginsDir);
    }

    /** Starts a server with the defaults and only the plugins of the class path. */
    public static ServerRun start(ServerOptions options) {
        try {
            return new ServerRun(options, Files.createTempDirectory("no-plugins"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(server.address() + path);
    }

    public HttpClient client() {
        return client;
    }

    public HttpServer server() {
        return server;
    }

    /** What the server wrote to its diagnostics (stderr in production). */
    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    public Reply get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public Reply post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** POSTs every body at once, each on its own connection, and returns the replies in order. */
    public List<Reply> postConcurrently(String path, List<String> bodies) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (String body : bodies) {
            pending.add(client.sendAsync(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Reply> replies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> reply : pending) {
            HttpResponse<String> response = reply.join();
            replies.add(new Reply(response.statusCode(), response.body(), response));
        }
        return replies;
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** One response: status, body and, when the body is JSON, its tree. */
    public record Reply(int status, String body, HttpResponse<String> response) {

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("the body is not JSON: " + body, e);
            }
        }

        /** The {@code data} of a success envelope; fails on anything else. */
        public JsonNode data() {
            JsonNode json = json();
            if (status != 200 || !json.path("success").asBoolean()) {
                throw new AssertionError("expected a success envelope, got " + status + ": " + body);
            }
            return json.get("data");
        }

        /** The {@code error} of an error envelope with this status; fails on anything else. */
        public String error(int expectedStatus) {
            JsonNode json = json();
            if (status != expectedStatus || json.path("success").asBoolean(true) || !json.path("error").isTextual()) {
                throw new AssertionError("expected an error envelope with status " + expectedStatus + ", got " + status + ": " + body);
            }
            return json.get("error").asText();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
