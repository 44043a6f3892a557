package dev.hailway.payments.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.Money;

/** A cancellation fee was captured from the hold (the rest released) and booked, part of it for the driver. */
public record CancellationFeeCharged(UUID tripId, UUID riderId, UUID driverId, Money fee, Money driverEarnings, Instant at) {
}
