package dev.hailway.simulator.seoul;

import java.util.Map;

/** A WGS-84 position in degrees, as the API writes it: {@code {"lat": 37.5665, "lng": 126.978}}. */
public record GeoPoint(double lat, double lng) {

    static final double METERS_PER_DEGREE_LAT = 111_320;

    /**
     * Distance on a flat projection around the two points: at city scale (tens of km) it is within a fraction of a
     * per cent of the great circle, which is more than the simulation needs.
     */
    public double metersTo(GeoPoint other) {
        double dy = (other.lat - lat) * METERS_PER_DEGREE_LAT;
        double dx = (other.lng - lng) * metersPerDegreeLng((lat + other.lat) / 2);
        return Math.hypot(dx, dy);
    }

    static double metersPerDegreeLng(double lat) {
        return METERS_PER_DEGREE_LAT * Math.cos(Math.toRadians(lat));
    }

    public Map<String, Object> json() {
        return Map.of("lat", lat, "lng", lng);
    }
}
