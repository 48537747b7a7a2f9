package io.solidafy.cdk.declarative.http;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The connector's {@code http:} block.
 *
 * @param timeout      connect, socket and response timeout
 * @param maxRetries   retries after the first attempt
 * @param rateLimitRps requests per second shared by every request of the connector, if limited
 * @param userAgent    User-Agent header
 * @param maxWait      cap of any single wait between attempts ({@code Retry-After} included)
 * @param backoffBase  first backoff; doubles per attempt, with jitter
 */
public record HttpSettings(Duration timeout, int maxRetries, OptionalDouble rateLimitRps, String userAgent, Duration maxWait,
        Duration backoffBase) {

    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);
}
