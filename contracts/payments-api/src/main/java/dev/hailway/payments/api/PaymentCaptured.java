package dev.hailway.payments.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.Money;

/** The fare was captured and booked: {@code amount} = {@code driverEarnings} + {@code commission}. */
public record PaymentCaptured(UUID tripId, UUID riderId, UUID driverId, Money amount, Money commission,
                              Money driverEarnings, Instant at) {
}
