package io.solidafy.cdk.declarative.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.solidafy.cdk.spi.Secrets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry-After in seconds and as an HTTP date; secrets masked in URLs and messages. */
class RetryAfterTest {

    @Test
    void secondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), HttpEngine.retryAfter("7").orElseThrow());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120));
        Duration wait = HttpEngine.retryAfter(date).orElseThrow();
        assertTrue(wait.getSeconds() > 100 && wait.getSeconds() <= 120, wait.toString());
        assertEquals(Duration.ZERO, HttpEngine.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT").orElseThrow());
        assertTrue(HttpEngine.retryAfter("soon").isEmpty());
    }

    @Test
    void masking() {
        Secrets masking = Secrets.of(List.of("sk_live_abc"));
        assertEquals("GET https://x/y?api_key=***&page=2", masking.mask("GET https://x/y?api_key=k123&page=2"));
        assertEquals("bearer *** failed", masking.mask("bearer sk_live_abc failed"));
    }
}
