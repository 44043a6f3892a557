package dev.hailway.common.api;

/** A WGS-84 position in degrees ({@code {"lat": 37.5665, "lng": 126.9780}}). */
public record GeoPoint(double lat, double lng) {

    public GeoPoint {
        if (Double.isNaN(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat must be within [-90, 90], was " + lat);
        }
        if (Double.isNaN(lng) || lng < -180 || lng > 180) {
            throw new IllegalArgumentException("lng must be within [-180, 180], was " + lng);
        }
    }
}
