package dev.hailway.dispatch.api;

import java.time.Instant;
import java.util.UUID;

/** Dispatch gave up: nobody near, everybody declined, or the deadline passed. */
public record NoDriverFound(UUID tripId, int offersMade, String why, Instant at) {
}
