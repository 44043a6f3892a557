package dev.hailway.trips.api;

/** Where a trip is. {@link #PAID} and {@link #CANCELLED} are terminal. */
public enum TripStatus {
    REQUESTED,
    PAYMENT_AUTHORIZED,
    DRIVER_ASSIGNED,
    DRIVER_ARRIVED,
    IN_PROGRESS,
    COMPLETED,
    PAID,
    CANCELLED;

    public boolean isTerminal() {
        return this == PAID || this == CANCELLED;
    }
}
