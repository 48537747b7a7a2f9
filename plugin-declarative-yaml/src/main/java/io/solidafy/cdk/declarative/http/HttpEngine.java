package io.solidafy.cdk.declarative.http;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.Authenticator;
import io.solidafy.cdk.spi.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of a source: a pooled Apache HttpClient 5 classic client with transparent
 * gzip, a connect timeout and a whole-request deadline ({@code timeout_secs}: from sending to the
 * last body byte, so a server trickling bytes cannot hold a page), retries with exponential backoff
 * and jitter on connection errors, deadlines, 429 and 5xx (honouring {@code Retry-After}, capped),
 * a shared rate limit, one retry with fresh credentials after a 401, and error messages that name
 * method, masked URL, status and a short masked body excerpt.
 *
 * <p>A page is all or nothing: a 2xx body is received whole ({@link PageBody}) before the handler
 * decodes it, and a body that breaks off (reset, stall, truncation, malformed chunk) or that the
 * handler rejects as invalid is fetched again as a whole within the same retry budget. Thread-safe.
 */
public final class HttpEngine implements AutoCloseable {

    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504, 520, 521, 522, 523, 524);
    private static final int EXCERPT = 300;
    /** Fires the deadlines of every engine; requests cancelled by it fail with an IOException. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

    private final HttpSettings settings;
    private final Consumer<String> warnings;
    private volatile Secrets secrets;
    private final CloseableHttpClient client;
    private final RateLimiter limiter;

    /**
     * @param secrets  the run's secret policy; every message this engine builds is masked with it
     * @param warnings receives one sentence per retry wait (logged as LOG WARN)
     */
    public HttpEngine(HttpSettings settings, Secrets secrets, Consumer<String> warnings) {
        this.settings = settings;
        this.secrets = secrets;
        this.warnings = warnings;
        Timeout timeout = Timeout.of(settings.timeout());
        Duration connect = settings.connectTimeout().compareTo(settings.timeout()) < 0 ? settings.connectTimeout() : settings.timeout();
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(32)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connect)).setSocketTimeout(timeout).build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .setUserAgent(settings.userAgent())
                .disableAutomaticRetries() // retries are ours: we log them and honour Retry-After
                .disableCookieManagement()
                .build();
        this.limiter = settings.rateLimitRps().isPresent() ? new RateLimiter(settings.rateLimitRps().getAsDouble()) : null;
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "solidafy-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Reads a 2xx body; may be called once per attempt, so it must not emit anything itself. */
    @FunctionalInterface
    public interface Handler<T> {
        /** @throws IOException when the body is invalid: the page is fetched again, and this error is the final one */
        T handle(HttpResponse response) throws IOException;
    }

    /** Also hides these values (e.g. tokens fetched at run time) from now on. */
    public synchronized void addSecrets(java.util.List<String> more) {
        secrets = secrets.plus(more);
    }

    public Secrets secrets() {
        return secrets;
    }

    /**
     * Sends a request (retrying as configured) and hands a 2xx answer, received whole, to {@code
     * handler}.
     *
     * @param auth adds credentials to each attempt; may be null
     * @throws HttpStatusException on a final non-2xx answer
     * @throws ConnectorException  when the server cannot be reached or its answer breaks off after the retries
     * @throws IOException         from the handler on the last attempt (a body that cannot be decoded)
     */
    public <T> T execute(PreparedRequest request, Authenticator auth, Handler<T> handler) throws IOException {
        boolean refreshedAfter401 = false;
        for (int attempt = 0; ; attempt++) {
            PreparedRequest actual = request.copy();
            if (auth != null) {
                auth.authenticate(actual);
                learnCredentials(request, actual);
            }
            URI uri = actual.uri();
            String what = actual.method() + " " + secrets.mask(uri.toString());
            pace();
            HttpUriRequestBase http = toHttp(actual, uri);
            AtomicBoolean expired = new AtomicBoolean();
            ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
                expired.set(true);
                http.cancel();
            }, settings.timeout().toNanos(), TimeUnit.NANOSECONDS);
            Duration wait;
            String failure;
            try (CloseableHttpResponse response = client.execute(http)) {
                int status = response.getCode();
                HttpEntity entity = response.getEntity();
                if (status >= 200 && status < 300) {
                    PageBody body = entity == null ? PageBody.empty()
                            : PageBody.receive(entity.getContent(), entity.getContentLength(), settings.memoryLimit());
                    deadline.cancel(false);
                    try {
                        return handler.handle(new HttpResponse(uri, response, body));
                    } catch (IOException invalid) {
                        if (attempt >= settings.maxRetries()) {
                            throw new InvalidBody(invalid);
                        }
                        failure = (invalid instanceof com.fasterxml.jackson.core.JsonProcessingException ? "answered a body that is not valid JSON ("
                                : "answered a body that cannot be decoded (") + secrets.mask(firstLine(invalid)) + ")";
                        wait = backoff(attempt);
                    } finally {
                        if (!body.kept()) {
                            body.close();
                        }
                    }
                } else if (status == 401 && auth != null && !refreshedAfter401 && auth.invalidate()) {
                    refreshedAfter401 = true;
                    drain(entity);
                    attempt--; // a credential refresh is not a retry
                    continue;
                } else {
                    String excerpt = excerpt(entity);
                    if (!RETRYABLE.contains(status) || attempt >= settings.maxRetries()) {
                        throw new HttpStatusException(what + " failed with HTTP " + status + reason(response.getReasonPhrase())
                                + (excerpt.isEmpty() ? "" : ": " + excerpt) + hint(status), status);
                    }
                    Header retryAfter = response.getFirstHeader("Retry-After");
                    wait = retryAfter(retryAfter == null ? null : retryAfter.getValue()).orElse(backoff(attempt));
                    failure = "answered HTTP " + status;
                }
            } catch (InvalidBody e) {
                throw e.original;
            } catch (IOException e) {
                String cause = expired.get() ? "Timeout: no complete answer within the " + seconds(settings.timeout()) + " deadline (http.timeout_secs)"
                        : secrets.mask(describe(e));
                if (attempt >= settings.maxRetries()) {
                    throw new ConnectorException(what + " failed after " + (attempt + 1) + (attempt == 0 ? " attempt: " : " attempts: ")
                            + cause + (expired.get() ? "; raise http.timeout_secs if the API needs longer for a page."
                                    : "; check the URL and that the server is reachable."));
                }
                failure = "failed (" + cause + ")";
                wait = backoff(attempt);
            } finally {
                deadline.cancel(false);
            }
            String capped = "";
            if (wait.compareTo(settings.maxWait()) > 0) {
                capped = " (server asked for " + seconds(wait) + ", capped)";
                wait = settings.maxWait();
            }
            warn(what + " " + failure + "; retrying in " + seconds(wait) + capped + " (attempt " + (attempt + 2) + " of "
                    + (settings.maxRetries() + 1) + ").");
            sleep(wait);
        }
    }

    /**
     * Masks from now on the credentials an authenticator put in headers (tokens fetched at run time
     * are not config values, so the runtime cannot know them): the value of {@code Authorization}
     * and of secret-looking headers, and its last word ({@code Bearer <token>}).
     */
    private void learnCredentials(PreparedRequest before, PreparedRequest after) {
        for (Map.Entry<String, String> header : after.headers().entrySet()) {
            String value = header.getValue();
            boolean credential = header.getKey().equalsIgnoreCase("Authorization") || Secrets.looksSecret(header.getKey());
            if (!credential || value == null || value.isBlank() || value.equals(before.headers().get(header.getKey()))) {
                continue;
            }
            String token = value.substring(value.strip().lastIndexOf(' ') + 1).strip();
            if (!secrets.values().contains(token)) {
                addSecrets(java.util.List.of(token));
            }
        }
    }

    /** Carries a handler's error on the last attempt past the transport error handling. */
    private static final class InvalidBody extends IOException {
        private static final long serialVersionUID = 1L;
        final transient IOException original;

        InvalidBody(IOException original) {
            super(original);
            this.original = original;
        }
    }

    private static String firstLine(IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    /** Sends a request and returns its whole (small) body as text, e.g. for token endpoints. */
    public String text(PreparedRequest request, Authenticator auth) throws IOException {
        return execute(request, auth, response -> new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
    }

    private HttpUriRequestBase toHttp(PreparedRequest request, URI uri) {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), uri);
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            http.setHeader(header.getKey(), header.getValue());
        }
        if (request.body() != null) {
            String type = request.contentType() == null ? "application/json" : request.contentType();
            http.setEntity(new ByteArrayEntity(request.body(), ContentType.parse(type)));
        }
        return http;
    }

    private void pace() {
        if (limiter != null) {
            try {
                limiter.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException("The read was interrupted.");
            }
        }
    }

    private Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis() << Math.min(attempt, 16);
        long jitter = ThreadLocalRandom.current().nextLong(base / 2 + 1);
        long millis = Math.min(base + jitter, settings.maxWait().toMillis());
        return Duration.ofMillis(millis);
    }

    /** The wait a Retry-After header asks for: delta seconds or an HTTP date. */
    static java.util.Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        String v = value.trim();
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("The read was interrupted.");
        }
    }

    private void warn(String message) {
        warnings.accept(message);
    }

    private String excerpt(HttpEntity entity) {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(EXCERPT * 4);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            text = secrets.mask(text);
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static void drain(HttpEntity entity) {
        try {
            EntityUtils.consume(entity);
        } catch (IOException e) {
            // the connection is dropped instead of reused; nothing else to do
        }
    }

    private static String reason(String phrase) {
        return phrase == null || phrase.isBlank() ? "" : " " + phrase;
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> " (check the credentials in the config)";
            case 403 -> " (the credentials lack a permission)";
            case 404 -> " (check the path and the ids in the config)";
            default -> "";
        };
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private static String seconds(Duration wait) {
        return String.format(java.util.Locale.ROOT, "%.1f s", wait.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing pooled sockets; nothing to report
        }
    }
}
