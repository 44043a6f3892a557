package dev.hailway.location.positions;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One GPS reading as the driver app sends it; nothing is checked yet (see {@link PingRules}). */
public record Ping(@Nullable Double lat, @Nullable Double lng, @Nullable Double heading, @Nullable Double speedKmh,
                   @Nullable Instant at) {
}
