package dev.hailway.pricing.surge.internal;

import com.uber.h3core.H3Core;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.pricing.surge.Cell;
import dev.hailway.pricing.surge.Cells;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Uber's H3 at resolution 7: cells of about 1.2 km edge, the size of a neighbourhood's supply and demand. */
final class H3Cells implements Cells {

    static final int RESOLUTION = 7;

    private final H3Core h3;

    H3Cells() {
        try {
            this.h3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the H3 native library", e);
        }
    }

    @Override
    public Cell of(GeoPoint point) {
        return new Cell(h3.latLngToCellAddress(point.lat(), point.lng(), RESOLUTION));
    }
}
