package dev.hailway.location.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.common.api.GeoPoint;
import org.junit.jupiter.api.Test;

class DistancesTest {

    @Test
    void seoulToBusanIsAbout325Kilometres() {
        double meters = Distances.haversineMeters(new GeoPoint(37.5665, 126.9780), new GeoPoint(35.1796, 129.0756));

        assertThat(meters).isBetween(320_000.0, 330_000.0);
    }

    @Test
    void aPointIsNowhereFromItself() {
        GeoPoint point = new GeoPoint(-33.8688, 151.2093);

        assertThat(Distances.haversineMeters(point, point)).isZero();
    }

    @Test
    void crossesTheAntimeridian() {
        double meters = Distances.haversineMeters(new GeoPoint(0, 179.999), new GeoPoint(0, -179.999));

        assertThat(meters).isBetween(200.0, 250.0);
    }
}
