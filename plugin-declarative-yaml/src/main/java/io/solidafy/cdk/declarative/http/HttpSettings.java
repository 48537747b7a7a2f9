package io.solidafy.cdk.declarative.http;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The connector's {@code http:} block.
 *
 * @param timeout        whole-request deadline: from sending a request to its last body byte, per attempt
 * @param connectTimeout the limit for opening a connection (within {@code timeout})
 * @param maxRetries     retries after the first attempt
 * @param rateLimitRps   requests per second shared by every request of the connector, if limited
 * @param userAgent      User-Agent header
 * @param maxWait        cap of any single wait between attempts ({@code Retry-After} included)
 * @param backoffBase    first backoff; doubles per attempt, with jitter
 * @param memoryLimit    a response body larger than this many bytes is spilled to a temporary file
 */
public record HttpSettings(Duration timeout, Duration connectTimeout, int maxRetries, OptionalDouble rateLimitRps, String userAgent,
        Duration maxWait, Duration backoffBase, long memoryLimit) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
    /** 4 MiB: a page up to this size is held (and its records decoded) in memory; {@code -Dsolidafy.page.memory-bytes} changes it. */
    public static final long DEFAULT_MEMORY_LIMIT = Long.getLong("solidafy.page.memory-bytes", 4L << 20);
}
