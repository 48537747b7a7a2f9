package io.solidafy.cdk.runtime.progress;

import java.time.Duration;

/** Where progress goes, and how often at most. */
public enum ProgressMode {
    /** No progress. */
    OFF(Duration.ZERO),
    /** One line per stream on stderr, rewritten in place. */
    STDERR(Duration.ofMillis(500)),
    /** INFO LOG messages on the protocol output. */
    LOG(Duration.ofSeconds(10));

    private final Duration interval;

    ProgressMode(Duration interval) {
        this.interval = interval;
    }

    /** The least time between two updates of one stream. */
    public Duration interval() {
        return interval;
    }
}
