package dev.hailway.trips.booking.internal;

import dev.hailway.trips.api.TripStatus;
import java.util.UUID;

record TripCreated(UUID tripId, TripStatus status) {
}
