package dev.hailway.drivers.api;

/** Kafka topics the drivers service publishes to; record key = driver id. */
public final class DriverTopics {

    /** {@link VehicleRegistered}, {@link DriverWentOnline}, {@link DriverWentOffline}. */
    public static final String DRIVERS = "drivers.drivers";

    private DriverTopics() {
    }
}
