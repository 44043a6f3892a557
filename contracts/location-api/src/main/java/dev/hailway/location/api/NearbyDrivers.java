package dev.hailway.location.api;

import java.util.List;

/**
 * The service-to-service query "k nearest available drivers within r metres of a point":
 * {@code GET /internal/drivers/nearby?lat=&lng=&radiusMeters=&k=&vehicleClass=} (vehicleClass optional), answered
 * with this record. Callers need an access token with the {@code SERVICE} role. Not routed by the gateway.
 */
public record NearbyDrivers(List<NearbyDriver> drivers) {

    public static final String PATH = "/internal/drivers/nearby";

    public NearbyDrivers {
        drivers = List.copyOf(drivers);
    }
}
