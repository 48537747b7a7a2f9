package io.solidafy.cdk.declarative.http;

import io.solidafy.cdk.spi.ConnectorException;
import io.solidafy.cdk.spi.declarative.Authenticator;
import java.io.ByteArrayInputStream;
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
import java.util.concurrent.ThreadLocalRandom;
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
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of a source: a pooled Apache HttpClient 5 classic client with timeouts and
 * transparent gzip, plus retries with exponential backoff and jitter on connection errors,
 * timeouts, 429 and 5xx (honouring {@code Retry-After}, capped), a shared rate limit, one retry with
 * fresh credentials after a 401, and error messages that name method, masked URL, status and a
 * short masked body excerpt. Thread-safe.
 */
public final class HttpEngine implements AutoCloseable {

    private static final Set<Integer> RETRYABLE = Set.of(429, 500, 502, 503, 504, 520, 521, 522, 523, 524);
    private static final int EXCERPT = 300;

    private final HttpSettings settings;
    private final Consumer<String> warnings;
    private volatile Masking masking;
    private final CloseableHttpClient client;
    private final RateLimiter limiter;

    /**
     * @param warnings receives one sentence per retry wait (logged as LOG WARN)
     */
    public HttpEngine(HttpSettings settings, Masking masking, Consumer<String> warnings) {
        this.settings = settings;
        this.masking = masking;
        this.warnings = warnings;
        Timeout timeout = Timeout.of(settings.timeout());
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(32)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
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

    /** Reads a 2xx body. */
    @FunctionalInterface
    public interface Handler<T> {
        T handle(HttpResponse response) throws IOException;
    }

    /** Also hides these values (e.g. tokens fetched at run time) from now on. */
    public void addSecrets(java.util.List<String> secrets) {
        masking = masking.plus(secrets);
    }

    public Masking masking() {
        return masking;
    }

    /**
     * Sends a request (retrying as configured) and hands a 2xx answer to {@code handler}.
     *
     * @param auth adds credentials to each attempt; may be null
     * @throws HttpStatusException on a final non-2xx answer
     * @throws ConnectorException  when the server cannot be reached after the retries
     * @throws IOException         from the handler (a body that cannot be decoded); not retried
     */
    @SuppressWarnings("deprecation")
    public <T> T execute(PreparedRequest request, Authenticator auth, Handler<T> handler) throws IOException {
        boolean refreshedAfter401 = false;
        for (int attempt = 0; ; attempt++) {
            PreparedRequest actual = request.copy();
            if (auth != null) {
                auth.authenticate(actual);
            }
            URI uri = actual.uri();
            String what = actual.method() + " " + masking.mask(uri.toString());
            pace();
            CloseableHttpResponse response;
            try {
                response = client.execute(toHttp(actual, uri));
            } catch (IOException e) {
                if (attempt < settings.maxRetries()) {
                    Duration wait = backoff(attempt);
                    warn(what + " failed (" + masking.mask(describe(e)) + "); retrying in " + seconds(wait) + " (attempt " + (attempt + 2) + " of "
                            + (settings.maxRetries() + 1) + ").");
                    sleep(wait);
                    continue;
                }
                throw new ConnectorException(what + " failed after " + (attempt + 1) + (attempt == 0 ? " attempt: " : " attempts: ")
                        + masking.mask(describe(e)) + "; check the URL and that the server is reachable.");
            }
            try (response) {
                int status = response.getCode();
                HttpEntity entity = response.getEntity();
                if (status >= 200 && status < 300) {
                    InputStream body = entity == null ? new ByteArrayInputStream(new byte[0]) : entity.getContent();
                    T result = handler.handle(new HttpResponse(uri, response, body));
                    drain(entity);
                    return result;
                }
                if (status == 401 && auth != null && !refreshedAfter401 && auth.invalidate()) {
                    refreshedAfter401 = true;
                    drain(entity);
                    attempt--; // a credential refresh is not a retry
                    continue;
                }
                String excerpt = excerpt(entity);
                if (RETRYABLE.contains(status) && attempt < settings.maxRetries()) {
                    Duration wait = retryAfter(response.getFirstHeader("Retry-After") == null ? null
                            : response.getFirstHeader("Retry-After").getValue()).orElse(backoff(attempt));
                    String capped = "";
                    if (wait.compareTo(settings.maxWait()) > 0) {
                        capped = " (server asked for " + seconds(wait) + ", capped)";
                        wait = settings.maxWait();
                    }
                    warn(what + " answered HTTP " + status + "; retrying in " + seconds(wait) + capped + " (attempt " + (attempt + 2)
                            + " of " + (settings.maxRetries() + 1) + ").");
                    sleep(wait);
                    continue;
                }
                throw new HttpStatusException(what + " failed with HTTP " + status + reason(response.getReasonPhrase())
                        + (excerpt.isEmpty() ? "" : ": " + excerpt) + hint(status), status);
            }
        }
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
            text = masking.mask(text);
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
