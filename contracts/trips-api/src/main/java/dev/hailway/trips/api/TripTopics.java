package dev.hailway.trips.api;

/** Kafka topics the trips service publishes to; record key = trip id, so a trip's events stay in order. */
public final class TripTopics {

    /**
     * The trip's life: {@link TripRequested}, {@link TripDispatchRequested}, {@link TripDriverAssigned},
     * {@link TripDriverArrived}, {@link TripStarted}, {@link TripCompleted}, {@link TripPaid}, {@link TripCancelled}.
     */
    public static final String TRIPS = "trips.trips";

    private TripTopics() {
    }
}
