package dev.hailway.trips.booking;

import java.util.Objects;

/** A quote that cannot buy a trip. The message is safe to show the caller. */
public final class QuoteRejected extends RuntimeException {

    public enum Reason {
        /** Malformed, tampered with, of another type or issuer, or signed by a key pricing does not publish. */
        INVALID,
        EXPIRED,
        /** Issued to another rider. */
        NOT_YOURS,
        /** It already bought a trip. */
        ALREADY_USED
    }

    private final Reason reason;

    public QuoteRejected(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
