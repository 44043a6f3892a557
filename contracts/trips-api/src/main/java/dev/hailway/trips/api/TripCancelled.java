package dev.hailway.trips.api;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.common.api.Money;

/**
 * Terminal: the trip ended without a ride. Payments releases the hold, or charges {@code cancellationFee} when it
 * is not zero (a rider who cancels after a driver was assigned). {@code driverId} is null before assignment.
 */
public record TripCancelled(UUID tripId, UUID riderId, UUID driverId, CancellationReason reason, TripStatus cancelledIn,
                            Money cancellationFee, Instant at) {
}
