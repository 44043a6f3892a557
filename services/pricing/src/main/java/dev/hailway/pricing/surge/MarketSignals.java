package dev.hailway.pricing.surge;

import java.time.Instant;
import java.util.UUID;

/**
 * What surge is computed from. Each call is idempotent by itself (keyed by the source's id, or last-writer-wins
 * by time), so a redelivered event changes nothing even before the inbox sees it.
 */
public interface MarketSignals {

    enum DemandKind { QUOTE, TRIP_REQUEST }

    /** A rider asked for a price or a ride in {@code cell}; {@code sourceId} is the quote's or the trip's id. */
    void demand(UUID sourceId, DemandKind kind, Cell cell, Instant at);

    /** A driver's latest position, ignored when an older one arrives after a newer. */
    void driverPosition(UUID driverId, Cell cell, Instant at);

    void driverOnline(UUID driverId, Instant at);

    void driverOffline(UUID driverId, Instant at);
}
