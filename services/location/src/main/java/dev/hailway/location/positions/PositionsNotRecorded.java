package dev.hailway.location.positions;

import java.time.Duration;

/**
 * The pings could not be recorded in time: the position log (Kafka) did not take them, or this driver's previous
 * request held on too long. Nothing of the request was kept, so the same request may simply be sent again.
 */
public final class PositionsNotRecorded extends RuntimeException {

    private final Duration retryAfter;

    public PositionsNotRecorded(String reason, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.retryAfter = retryAfter;
    }

    public PositionsNotRecorded(String reason, Duration retryAfter) {
        this(reason, retryAfter, null);
    }

    /** When trying again has a fair chance. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
