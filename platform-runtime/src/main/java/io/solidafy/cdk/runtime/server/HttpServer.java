package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.ops.Platform;
import io.solidafy.cdk.spi.LogLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server of {@code solidafy-cdk serve}: Jetty 12 with one handler, {@link ApiHandler}, over
 * the same commands as the CLI. {@link #start()} binds, {@link #shutdown()} stops gracefully.
 */
public final class HttpServer {

    private static final long CANCEL_WAIT_MILLIS = 10_000;

    private final ServerOptions options;
    private final PrintStream log;
    private final Server jetty;
    private final ServerConnector connector;
    private final SyncSlots slots;
    private final ApiHandler handler;
    private final ScheduledExecutorService timer;
    private final ExecutorService workers;

    /**
     * @param platform the plugins and resolver shared by every request (resolving names only)
     * @param log      diagnostics: internal errors with their stack traces, secrets masked
     */
    public HttpServer(ServerOptions options, Platform platform, ObjectMapper mapper, LogLevel logLevel, PrintStream log) {
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN"); // Jetty's own INFO lines are noise on stderr
        }
        this.options = options;
        this.log = log;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "solidafy-request-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        this.slots = new SyncSlots(options.maxConcurrentSyncs());
        ServerMetrics metrics = new ServerMetrics(slots::running);
        CommandRunner runner = new CommandRunner(mapper, platform, log, logLevel);
        NetworkGuard guard = new NetworkGuard(options.denyPrivateNetworks());
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "solidafy-command");
            thread.setDaemon(true);
            return thread;
        });
        this.handler = new ApiHandler(mapper, options, new DescribeRoutes(runner, guard, options.requestTimeout(), workers),
                new SyncRoute(runner, options, slots, guard, metrics, timer), metrics, log, openApi());
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(32, 4 * options.maxConcurrentSyncs() + 16));
        threads.setName("solidafy-http");
        this.jetty = new Server(threads);
        this.connector = new ServerConnector(jetty);
        connector.setHost(options.host());
        connector.setPort(options.port());
        jetty.addConnector(connector);
        jetty.setHandler(handler);
        jetty.setErrorHandler(new JsonErrors(mapper));
        jetty.setStopTimeout(CANCEL_WAIT_MILLIS);
    }

    /** Binds and starts serving. */
    public void start() throws Exception {
        jetty.start();
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8080}. */
    public URI address() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + connector.getLocalPort());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stopped. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /**
     * Stops accepting connections, lets running requests finish within the grace period, then
     * cancels the syncs still running (each ends with its summary and the state of what it delivered)
     * and stops.
     */
    public void shutdown() {
        try {
            connector.close(); // no new connections from here on
            long graceEnd = System.nanoTime() + options.shutdownGrace().toNanos();
            while (handler.inFlight() > 0 && System.nanoTime() < graceEnd) {
                Thread.sleep(50);
            }
            if (slots.running() > 0) {
                log.println("Cancelling " + slots.running() + " running sync(s): the shutdown grace period ("
                        + options.shutdownGrace().toSeconds() + " s) is over.");
                slots.cancelAll();
            }
            long cancelEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CANCEL_WAIT_MILLIS);
            while (handler.inFlight() > 0 && System.nanoTime() < cancelEnd) {
                Thread.sleep(50);
            }
            jetty.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.println("The server did not stop cleanly: " + e);
        } finally {
            timer.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static byte[] openApi() {
        try (InputStream in = HttpServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the runtime jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors Jetty answers itself (an ambiguous or malformed URI, a bad header) as error envelopes too. */
    private static final class JsonErrors implements Request.Handler {
        private final ObjectMapper mapper;

        JsonErrors(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            int status = response.getStatus() >= 400 ? response.getStatus() : 500;
            Object cause = request.getAttribute(org.eclipse.jetty.server.handler.ErrorHandler.ERROR_MESSAGE);
            String message = switch (status) {
                case 400 -> "The request cannot be understood" + (cause == null ? "" : ": " + cause) + ".";
                case 404 -> "No such route.";
                case 413, 431 -> "The request is too large.";
                default -> "The request failed" + (cause == null ? "" : ": " + cause) + ".";
            };
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("success", false);
            envelope.put("error", message);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONNECTION, "close"); // Jetty drops the connection after a request it rejects
            Content.Sink.write(response, true, new String(mapper.writeValueAsBytes(envelope), StandardCharsets.UTF_8), callback);
            return true;
        }
    }
}
