package dev.hailway.payments.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.Money;

/** {@code amount} is held on the rider's payment method for the trip. */
public record PaymentAuthorized(UUID authorizationId, UUID tripId, UUID riderId, Money amount, Instant at) {
}
