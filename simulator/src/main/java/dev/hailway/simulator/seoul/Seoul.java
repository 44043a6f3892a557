package dev.hailway.simulator.seoul;

import java.util.random.RandomGenerator;

/**
 * The part of Seoul the simulation plays in, from Mapo to Gangnam, and its street grid. Real streets are not needed:
 * a grid of north-south and east-west streets about 450 m apart gives drivers believable paths and dispatch
 * believable distances.
 */
public final class Seoul {

    public static final double LAT_MIN = 37.48;
    public static final double LAT_MAX = 37.60;
    public static final double LNG_MIN = 126.90;
    public static final double LNG_MAX = 127.10;

    /** Street spacing in degrees: 0.004° of latitude and 0.005° of longitude are both about 445 m here. */
    static final double LAT_STEP = 0.004;
    static final double LNG_STEP = 0.005;
    static final int LAT_LINES = (int) Math.round((LAT_MAX - LAT_MIN) / LAT_STEP);
    static final int LNG_LINES = (int) Math.round((LNG_MAX - LNG_MIN) / LNG_STEP);

    private Seoul() {
    }

    public static boolean contains(GeoPoint point) {
        return point.lat() >= LAT_MIN && point.lat() <= LAT_MAX && point.lng() >= LNG_MIN && point.lng() <= LNG_MAX;
    }

    public static GeoPoint randomPoint(RandomGenerator random) {
        return new GeoPoint(random.nextDouble(LAT_MIN, LAT_MAX), random.nextDouble(LNG_MIN, LNG_MAX));
    }

    /** A street corner picked at random: where a driver starts a shift. */
    public static GeoPoint randomCorner(RandomGenerator random) {
        return corner(random.nextInt(LAT_LINES + 1), random.nextInt(LNG_LINES + 1));
    }

    /** A point at most {@code maxMeters} from {@code origin} in each axis, kept inside the box. */
    public static GeoPoint randomPointNear(GeoPoint origin, double maxMeters, RandomGenerator random) {
        double dLat = maxMeters / GeoPoint.METERS_PER_DEGREE_LAT;
        double dLng = maxMeters / GeoPoint.metersPerDegreeLng(origin.lat());
        return clamp(new GeoPoint(origin.lat() + random.nextDouble(-dLat, dLat), origin.lng() + random.nextDouble(-dLng, dLng)));
    }

    public static GeoPoint clamp(GeoPoint point) {
        return new GeoPoint(Math.clamp(point.lat(), LAT_MIN, LAT_MAX), Math.clamp(point.lng(), LNG_MIN, LNG_MAX));
    }

    /** The corner nearest to a point, where a driver rejoins the grid after a ride. */
    public static GeoPoint nearestCorner(GeoPoint point) {
        GeoPoint inside = clamp(point);
        return corner((int) Math.round((inside.lat() - LAT_MIN) / LAT_STEP), (int) Math.round((inside.lng() - LNG_MIN) / LNG_STEP));
    }

    static GeoPoint corner(int latLine, int lngLine) {
        return new GeoPoint(Math.min(LAT_MIN + latLine * LAT_STEP, LAT_MAX), Math.min(LNG_MIN + lngLine * LNG_STEP, LNG_MAX));
    }
}
