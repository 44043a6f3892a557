package dev.hailway.dispatch.matching;

import java.time.Instant;
import java.util.Objects;

/** One driver asked to take one trip until {@code expiresAt}. */
public record Offer(OfferId id, TripId tripId, DriverId driverId, long distanceMeters, OfferStatus status,
                    Instant madeAt, Instant expiresAt) {

    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(driverId, "driverId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the driver may still answer it at {@code now}. */
    public boolean isOpenAt(Instant now) {
        return status == OfferStatus.PENDING && now.isBefore(expiresAt);
    }
}
