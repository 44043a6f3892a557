package dev.hailway.payments.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.Money;

/** The hold was released without a charge. */
public record PaymentReleased(UUID tripId, UUID riderId, Money amount, Instant at) {
}
