package dev.hailway.trips.trip;

/** Publishes a trip's events; must be called in the transaction that stores the change (the outbox). */
public interface TripEvents {

    void publish(TripId trip, Object event);
}
