package dev.hailway.pricing.support;

import dev.hailway.common.api.GeoPoint;
import java.util.concurrent.ThreadLocalRandom;

/** Random places far apart, so that tests sharing one database never share a surge cell. */
public final class Places {

    private Places() {
    }

    public static GeoPoint anywhere() {
        var random = ThreadLocalRandom.current();
        return new GeoPoint(random.nextDouble(-50, 50), random.nextDouble(-170, 170));
    }

    /** About 5.5 km north of {@code point}. */
    public static GeoPoint northOf(GeoPoint point) {
        return new GeoPoint(point.lat() + 0.05, point.lng());
    }
}
