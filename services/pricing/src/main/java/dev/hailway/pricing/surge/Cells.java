package dev.hailway.pricing.surge;

import dev.hailway.common.api.GeoPoint;

/** Which surge cell a point lies in. */
public interface Cells {

    Cell of(GeoPoint point);
}
