package io.solidafy.cdk.declarative.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Tokens are fetched lazily, cached, refreshed before they expire and after an invalidation. */
class CachedTokenTest {

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void refreshesAMinuteBeforeExpiryAndAfterInvalidate() throws Exception {
        MovableClock clock = new MovableClock();
        AtomicInteger fetches = new AtomicInteger();
        CachedToken token = new CachedToken(() -> new CachedToken.Token("t" + fetches.incrementAndGet(), Duration.ofSeconds(3600)), clock);
        assertEquals(0, fetches.get()); // lazy
        assertEquals("t1", token.get());
        clock.now = clock.now.plusSeconds(3500);
        assertEquals("t1", token.get());
        clock.now = clock.now.plusSeconds(41); // 59 s before expiry
        assertEquals("t2", token.get());
        token.invalidate();
        assertEquals("t3", token.get());
        assertEquals(3, fetches.get());
    }
}
