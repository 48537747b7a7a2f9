package io.solidafy.cdk.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.runtime.ops.InvalidConfigException;
import io.solidafy.cdk.runtime.ops.UnknownConnectorException;
import io.solidafy.cdk.runtime.ops.UsageException;
import io.solidafy.cdk.runtime.protocol.SecretMasker;
import io.solidafy.cdk.spi.ConnectorException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The REST API: routing, the bearer token, CORS, and the mapping of every failure to a JSON error
 * envelope with its status. The routes themselves are thin: {@link DescribeRoutes} and {@link SyncRoute};
 * {@link Route} names them, {@link Exchange} writes the answers.
 */
final class ApiHandler extends Handler.Abstract {

    private final ObjectMapper mapper;
    private final ServerOptions options;
    private final DescribeRoutes describe;
    private final SyncRoute sync;
    private final ServerMetrics metrics;
    private final PrintStream log;
    private final byte[] openApi;
    private final AtomicInteger inFlight = new AtomicInteger();

    ApiHandler(ObjectMapper mapper, ServerOptions options, DescribeRoutes describe, SyncRoute sync, ServerMetrics metrics,
            PrintStream log, byte[] openApi) {
        super(InvocationType.BLOCKING);
        this.mapper = mapper;
        this.options = options;
        this.describe = describe;
        this.sync = sync;
        this.metrics = metrics;
        this.log = log;
        this.openApi = openApi;
    }

    /** Requests being answered right now. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Route route = Route.of(path);
        Exchange exchange = new Exchange(request, response, callback, mapper);
        try {
            cors(request, response);
            if (method.equals("OPTIONS") && !options.corsOrigins().isEmpty()) {
                response.setStatus(204);
                exchange.finish();
                return true;
            }
            if (route != Route.HEALTH) {
                authorize(request);
            }
            dispatch(route, method, path, exchange);
        } catch (Throwable e) {
            fail(exchange, e);
        } finally {
            metrics.request(method, route.template(), response.getStatus(), System.nanoTime() - started);
            inFlight.decrementAndGet();
        }
        return true;
    }

    private void dispatch(Route route, String method, String path, Exchange exchange) throws Exception {
        if (route == Route.UNKNOWN) {
            throw new ApiException(404, "No route " + path + "; the routes are listed at GET /openapi.json.");
        }
        if (!route.method().equals(method)) {
            throw new ApiException(405, method + " is not allowed on " + route.template() + "; use " + route.method() + ".",
                    Map.of("Allow", route.method()));
        }
        switch (route) {
            case HEALTH -> exchange.json(200, mapper.createObjectNode().put("status", "ok"));
            case CONNECTORS -> exchange.success(describe.connectors(exchange));
            case CONNECTOR_STREAMS -> exchange.success(describe.streams(exchange, Route.connectorName(path), null));
            case STREAMS -> {
                JsonBody body = body(exchange);
                exchange.success(describe.streams(exchange, body.requiredString("connector"), config(body)));
            }
            case CHECK -> {
                JsonBody body = body(exchange);
                exchange.success(describe.check(exchange, body.requiredString("connector"), config(body)));
            }
            case DISCOVER -> {
                JsonBody body = body(exchange);
                long sample = body.optionalCount("sample").orElse(0);
                exchange.success(describe.discover(exchange, body.requiredString("connector"), config(body), (int) Math.min(sample, 100_000)));
            }
            case SYNC -> sync.handle(body(exchange), exchange);
            case OPENAPI -> exchange.bytes(200, "application/json", openApi);
            case METRICS -> exchange.bytes(200, "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalStateException("route " + route);
        }
    }

    private JsonBody body(Exchange exchange) throws IOException {
        JsonBody body = JsonBody.read(exchange.request(), mapper, options.maxBodyBytes());
        exchange.bodyRead();
        return body;
    }

    private ObjectNode config(JsonBody body) {
        return body.optionalObject("config").orElseGet(mapper::createObjectNode);
    }

    /** Bearer token, compared in constant time (digests of equal length, whatever the input). */
    private void authorize(Request request) {
        if (options.authToken().isEmpty()) {
            return;
        }
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (!MessageDigest.isEqual(sha256(given), sha256(options.authToken().get()))) {
            throw new ApiException(401, header == null ? "This server requires a bearer token: add 'Authorization: Bearer <token>'."
                    : "The bearer token is not valid.", Map.of("WWW-Authenticate", "Bearer"));
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void cors(Request request, Response response) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        List<String> allowed = options.corsOrigins();
        if (origin == null || allowed.isEmpty() || !(allowed.contains("*") || allowed.contains(origin))) {
            return;
        }
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, allowed.contains("*") ? "*" : origin);
        response.getHeaders().add(HttpHeader.VARY, "Origin");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, "Authorization, Content-Type, Accept");
        response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, "600");
    }

    /** Every failure as an error envelope; only a real internal error is a 500, with its stack trace on stderr. */
    private void fail(Exchange exchange, Throwable e) {
        SecretMasker masker = exchange.masker();
        int status;
        String message;
        Map<String, String> headers = Map.of();
        if (e instanceof ApiException api) {
            status = api.status();
            message = api.getMessage();
            headers = api.headers();
        } else if (e instanceof UnknownConnectorException) {
            status = 404;
            message = e.getMessage();
        } else if (e instanceof InvalidConfigException) {
            status = 422;
            message = e.getMessage().replace("to --config-json", "to the request's config");
        } else if (e instanceof ConnectorException || e instanceof UsageException) {
            status = 400;
            message = e.getMessage();
        } else {
            status = 500;
            message = "Internal error; the server's log has the details.";
            synchronized (log) {
                log.print(masker.mask("Internal error answering " + exchange.request().getMethod() + " "
                        + Request.getPathInContext(exchange.request()) + ": ") + masker.stackTrace(e));
            }
        }
        exchange.error(status, masker.mask(message), headers);
    }
}
