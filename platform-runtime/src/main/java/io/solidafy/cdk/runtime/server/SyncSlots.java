package io.solidafy.cdk.runtime.server;

import io.solidafy.cdk.runtime.ops.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** The syncs running now: at most a fixed number (429 beyond), each cancellable when the server stops. */
final class SyncSlots {

    private static final String RETRY_AFTER_SECONDS = "5";

    private final int capacity;
    private final Semaphore permits;
    private final Set<Session> running = ConcurrentHashMap.newKeySet();

    SyncSlots(int capacity) {
        this.capacity = capacity;
        this.permits = new Semaphore(capacity);
    }

    /** Takes a slot for {@code session}; a 429 with Retry-After when all are taken. */
    void acquire(Session session) {
        if (!permits.tryAcquire()) {
            throw new ApiException(429, "The server is already running " + capacity + " syncs, its limit (--max-concurrent-syncs);"
                    + " retry in a few seconds.", Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
        running.add(session);
    }

    void release(Session session) {
        if (running.remove(session)) {
            permits.release();
        }
    }

    int running() {
        return running.size();
    }

    /** Cancels every running sync (server shutdown after the grace period). */
    void cancelAll() {
        running.forEach(Session::cancel);
    }
}
