package dev.hailway.history.stats;

import dev.hailway.common.api.GeoPoint;

/** The grid pickups are counted in. */
public interface PickupCells {

    String cellOf(GeoPoint point);
}
