package dev.hailway.simulator.seoul;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A car on the street grid of {@link Seoul}. Cruising, it follows a street to the next corner and there goes on,
 * turns, or (only at the edge of the box) turns back; sent somewhere, it drives along the latitude first and then the
 * longitude, which is how a grid city is crossed. Not thread-safe: each driver owns its walker.
 */
public final class StreetWalker {

    private static final double CLOSE_ENOUGH_METERS = 0.5;

    public enum Heading {
        NORTH(0, 1, 0), EAST(90, 0, 1), SOUTH(180, -1, 0), WEST(270, 0, -1);

        final double degrees;
        final int dLat;
        final int dLng;

        Heading(double degrees, int dLat, int dLng) {
            this.degrees = degrees;
            this.dLat = dLat;
            this.dLng = dLng;
        }

        Heading reverse() {
            return values()[(ordinal() + 2) % 4];
        }
    }

    private final RandomGenerator random;
    private GeoPoint position;
    private Heading heading = Heading.NORTH;
    /** The corner being driven to while cruising; null while off the grid (after a ride, before rejoining it). */
    private GeoPoint nextCorner;

    public StreetWalker(GeoPoint start, RandomGenerator random) {
        this.random = random;
        this.position = Seoul.clamp(start);
    }

    public GeoPoint position() {
        return position;
    }

    public double headingDegrees() {
        return heading.degrees;
    }

    /** Drives {@code meters} along the streets, turning at random at the corners; first back to the grid if off it. */
    public void cruise(double meters) {
        double left = meters;
        if (nextCorner == null) {
            GeoPoint corner = Seoul.nearestCorner(position);
            left = drive(corner, left);
            if (position.metersTo(corner) > CLOSE_ENOUGH_METERS) {
                return;
            }
            position = corner;
            chooseNextCorner();
        }
        while (left > 0) {
            double toCorner = position.metersTo(nextCorner);
            if (left < toCorner) {
                double share = left / toCorner;
                position = new GeoPoint(position.lat() + (nextCorner.lat() - position.lat()) * share,
                        position.lng() + (nextCorner.lng() - position.lng()) * share);
                return;
            }
            left -= toCorner;
            position = nextCorner;
            chooseNextCorner();
        }
    }

    /**
     * Drives up to {@code meters} towards {@code target} (latitude first, then longitude) and leaves the grid to do
     * so. Returns true once there.
     */
    public boolean driveTo(GeoPoint target, double meters) {
        nextCorner = null;
        GeoPoint inside = Seoul.clamp(target);
        drive(inside, meters);
        return position.metersTo(inside) <= CLOSE_ENOUGH_METERS;
    }

    /** Moves towards {@code target} along one axis at a time; returns the meters not used. */
    private double drive(GeoPoint target, double meters) {
        double left = meters;
        double latMeters = (target.lat() - position.lat()) * GeoPoint.METERS_PER_DEGREE_LAT;
        if (Math.abs(latMeters) > 0 && left > 0) {
            double step = Math.min(left, Math.abs(latMeters));
            heading = latMeters > 0 ? Heading.NORTH : Heading.SOUTH;
            position = Math.abs(latMeters) <= left ? new GeoPoint(target.lat(), position.lng())
                    : new GeoPoint(position.lat() + Math.signum(latMeters) * step / GeoPoint.METERS_PER_DEGREE_LAT, position.lng());
            left -= step;
        }
        double lngMeters = (target.lng() - position.lng()) * GeoPoint.metersPerDegreeLng(position.lat());
        if (Math.abs(lngMeters) > 0 && left > 0) {
            double step = Math.min(left, Math.abs(lngMeters));
            heading = lngMeters > 0 ? Heading.EAST : Heading.WEST;
            position = Math.abs(lngMeters) <= left ? new GeoPoint(position.lat(), target.lng())
                    : new GeoPoint(position.lat(), position.lng() + Math.signum(lngMeters) * step / GeoPoint.metersPerDegreeLng(position.lat()));
            left -= step;
        }
        return left;
    }

    /** At a corner: straight on half of the time when possible, else any street but the one just driven. */
    private void chooseNextCorner() {
        int latLine = (int) Math.round((position.lat() - Seoul.LAT_MIN) / Seoul.LAT_STEP);
        int lngLine = (int) Math.round((position.lng() - Seoul.LNG_MIN) / Seoul.LNG_STEP);
        List<Heading> open = new ArrayList<>();
        for (Heading candidate : Heading.values()) {
            if (candidate != heading.reverse() && inside(latLine + candidate.dLat, lngLine + candidate.dLng)) {
                open.add(candidate);
            }
        }
        if (open.isEmpty()) {
            open.add(heading.reverse());
        }
        heading = open.contains(heading) && random.nextBoolean() ? heading : open.get(random.nextInt(open.size()));
        nextCorner = Seoul.corner(latLine + heading.dLat, lngLine + heading.dLng);
    }

    private static boolean inside(int latLine, int lngLine) {
        return latLine >= 0 && latLine <= Seoul.LAT_LINES && lngLine >= 0 && lngLine <= Seoul.LNG_LINES;
    }
}
