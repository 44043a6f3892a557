package dev.hailway.location.index;

import dev.hailway.common.api.GeoPoint;

/** Great-circle distances on a spherical Earth: good to a few metres at city scale, which is all matching needs. */
public final class Distances {

    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    private Distances() {
    }

    public static double haversineMeters(GeoPoint a, GeoPoint b) {
        double lat1 = Math.toRadians(a.lat());
        double lat2 = Math.toRadians(b.lat());
        double dLat = lat2 - lat1;
        double dLng = Math.toRadians(b.lng() - a.lng());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
