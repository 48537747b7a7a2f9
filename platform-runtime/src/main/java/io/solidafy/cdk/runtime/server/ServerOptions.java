package io.solidafy.cdk.runtime.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server runs. Every limit has a flag of {@code serve} and the default given here.
 *
 * @param host                address to bind ({@code 127.0.0.1} unless told otherwise)
 * @param port                TCP port; 0 picks a free one
 * @param authToken           bearer token required on every route but {@code /health}
 * @param corsOrigins         origins allowed to call from a browser; empty: CORS off
 * @param maxBodyBytes        largest request body (413 above)
 * @param requestTimeout      longest a request may run before its sync is cancelled; zero: no limit
 * @param maxConcurrentSyncs  syncs running at once (429 with Retry-After above)
 * @param maxInlineRecords    records a buffered {@code /sync} may return inline
 * @param connectorsDir       definition files offered by name
 * @param outputRoot          the only local directory tree {@code output} may point into; empty: no local output
 * @param denyPrivateNetworks refuse config hosts that resolve to loopback, link-local or private addresses
 * @param shutdownGrace       how long running syncs may take to finish on SIGTERM before they are cancelled
 */
public record ServerOptions(
        String host,
        int port,
        Optional<String> authToken,
        List<String> corsOrigins,
        long maxBodyBytes,
        Duration requestTimeout,
        int maxConcurrentSyncs,
        int maxInlineRecords,
        Optional<Path> connectorsDir,
        Optional<Path> outputRoot,
        boolean denyPrivateNetworks,
        Duration shutdownGrace) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_CONCURRENT_SYNCS = 4;
    public static final int DEFAULT_MAX_INLINE_RECORDS = 10_000;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port + ".");
        }
        authToken = authToken.filter(t -> !t.isBlank());
        corsOrigins = List.copyOf(corsOrigins);
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("--max-body-size must be at least 1 byte.");
        }
        if (requestTimeout.isNegative()) {
            throw new IllegalArgumentException("--request-timeout must be 0 (no limit) or more seconds.");
        }
        if (maxConcurrentSyncs < 1) {
            throw new IllegalArgumentException("--max-concurrent-syncs must be at least 1.");
        }
        if (maxInlineRecords < 0) {
            throw new IllegalArgumentException("--max-inline-records must be 0 or more.");
        }
        connectorsDir = connectorsDir.map(d -> d.toAbsolutePath().normalize());
        outputRoot = outputRoot.map(d -> d.toAbsolutePath().normalize());
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("--shutdown-grace must be 0 or more seconds.");
        }
    }

    /** Loopback, a free port, no token and every default: what tests and embedding start from. */
    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 0, Optional.empty(), List.of(), DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_CONCURRENT_SYNCS, DEFAULT_MAX_INLINE_RECORDS, Optional.empty(), Optional.empty(), false,
                DEFAULT_SHUTDOWN_GRACE);
    }

    public ServerOptions withAuthToken(String token) {
        return new ServerOptions(host, port, Optional.ofNullable(token), corsOrigins, maxBodyBytes, requestTimeout, maxConcurrentSyncs,
                maxInlineRecords, connectorsDir, outputRoot, denyPrivateNetworks, shutdownGrace);
    }

    public ServerOptions withLimits(long bodyBytes, int concurrentSyncs, int inlineRecords, Duration timeout) {
        return new ServerOptions(host, port, authToken, corsOrigins, bodyBytes, timeout, concurrentSyncs, inlineRecords, connectorsDir,
                outputRoot, denyPrivateNetworks, shutdownGrace);
    }

    public ServerOptions withPaths(Optional<Path> connectors, Optional<Path> outputs) {
        return new ServerOptions(host, port, authToken, corsOrigins, maxBodyBytes, requestTimeout, maxConcurrentSyncs, maxInlineRecords,
                connectors, outputs, denyPrivateNetworks, shutdownGrace);
    }

    public ServerOptions withNetwork(List<String> origins, boolean denyPrivate) {
        return new ServerOptions(host, port, authToken, origins, maxBodyBytes, requestTimeout, maxConcurrentSyncs, maxInlineRecords,
                connectorsDir, outputRoot, denyPrivate, shutdownGrace);
    }
}
