package dev.hailway.payments.methods;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A rider's card, known to payments by its provider token only. */
public record PaymentMethod(PaymentMethodId id, UUID riderId, TestCard card, Instant addedAt) {

    public PaymentMethod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    public boolean belongsTo(UUID rider) {
        return riderId.equals(rider);
    }
}
