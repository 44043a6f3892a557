package dev.hailway.pricing.fares;

import dev.hailway.common.api.GeoPoint;

/**
 * Estimates a ride without a routing engine: the great-circle distance times a road factor (streets are not
 * straight), driven at an average city speed. Good enough for a quote that the ride's own fare replaces later.
 */
public final class RouteEstimator {

    /** Mean Earth radius (IUGG), in metres. */
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private final double roadFactor;
    private final double metersPerSecond;

    public RouteEstimator(double roadFactor, double averageSpeedKmh) {
        if (roadFactor < 1.0) {
            throw new IllegalArgumentException("road factor must be at least 1, was " + roadFactor);
        }
        if (averageSpeedKmh <= 0) {
            throw new IllegalArgumentException("average speed must be positive, was " + averageSpeedKmh);
        }
        this.roadFactor = roadFactor;
        this.metersPerSecond = averageSpeedKmh / 3.6;
    }

    public RouteEstimate estimate(GeoPoint from, GeoPoint to) {
        long distance = Math.round(straightLineMeters(from, to) * roadFactor);
        long duration = Math.round(distance / metersPerSecond);
        return new RouteEstimate(distance, duration);
    }

    /** Haversine distance: accurate to a fraction of a percent at city scale, which is all a quote needs. */
    public static double straightLineMeters(GeoPoint from, GeoPoint to) {
        double lat1 = Math.toRadians(from.lat());
        double lat2 = Math.toRadians(to.lat());
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(to.lng() - from.lng());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(a)));
    }
}
