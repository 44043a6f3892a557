package dev.hailway.location.api;

/** Kafka topics the location service publishes to. */
public final class LocationTopics {

    /**
     * {@link DriverPositionReported}, compacted, keyed by driver id: the latest position of every driver, from
     * which location rebuilds its index after a restart.
     */
    public static final String POSITIONS = "location.positions";

    private LocationTopics() {
    }
}
