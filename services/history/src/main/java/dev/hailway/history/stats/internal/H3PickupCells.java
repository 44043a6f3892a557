package dev.hailway.history.stats.internal;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.uber.h3core.H3Core;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.history.stats.PickupCells;
import org.springframework.stereotype.Component;

@Component
class H3PickupCells implements PickupCells {

    static final int RESOLUTION = 7;
    private final H3Core h3;

    H3PickupCells() {
        try {
            h3 = H3Core.newInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("H3's native library could not be loaded", e);
        }
    }

    @Override
    public String cellOf(GeoPoint point) {
        return h3.latLngToCellAddress(point.lat(), point.lng(), RESOLUTION);
    }
}
