package dev.hailway.trips.api;

/** Why a trip ended {@link TripStatus#CANCELLED}. */
public enum CancellationReason {
    RIDER_CANCELLED,
    DRIVER_CANCELLED,
    NO_DRIVER,
    PAYMENT_DECLINED,
    /** A step did not happen within its deadline (e.g. no payment answer, a driver who never arrived). */
    TIMED_OUT
}
