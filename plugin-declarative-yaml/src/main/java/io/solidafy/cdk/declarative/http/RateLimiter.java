package io.solidafy.cdk.declarative.http;

/**
 * A token bucket: {@code rps} requests per second on average, bursts of up to {@code rps}
 * requests. Shared by every request of a source; thread-safe.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final long burstNanos;
    private long nextFree;

    RateLimiter(double rps) {
        this.intervalNanos = (long) (1_000_000_000L / rps);
        this.burstNanos = (long) (Math.max(1, Math.floor(rps)) * intervalNanos) - intervalNanos;
        this.nextFree = System.nanoTime();
    }

    /** Blocks until a token is available. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (nextFree < now - burstNanos) {
                nextFree = now - burstNanos;
            }
            wait = nextFree - now;
            nextFree += intervalNanos;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
