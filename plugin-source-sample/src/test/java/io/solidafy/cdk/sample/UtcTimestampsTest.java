package io.solidafy.cdk.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTimestampsTest {

    @Test
    void formatsWholeSecondsExactlyLikeInstant() {
        long[] edges = {0, -1, 86_399, 86_400, 951_782_400L /* 2000-02-29 */, 4_107_542_399L /* 2100-02-28T23:59:59 */,
            -62_135_596_800L /* 0001-01-01 */, 253_402_300_799L /* 9999-12-31T23:59:59 */};
        for (long second : edges) {
            assertEquals(Instant.ofEpochSecond(second).toString(), UtcTimestamps.format(second), "epoch second " + second);
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(-62_135_596_800L, 253_402_300_800L);
            assertEquals(Instant.ofEpochSecond(second).toString(), UtcTimestamps.format(second), "epoch second " + second);
        }
    }
}
