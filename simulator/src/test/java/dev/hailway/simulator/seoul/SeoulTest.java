package dev.hailway.simulator.seoul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SeoulTest {

    private final Random random = new Random(11);

    @Test
    void randomPointsAndCornersAreInsideTheBox() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(Seoul.contains(Seoul.randomPoint(random))).isTrue();
            assertThat(Seoul.contains(Seoul.randomCorner(random))).isTrue();
        }
    }

    @Test
    void aPointNearAnotherStaysInsideTheBoxAndWithinReach() {
        GeoPoint corner = new GeoPoint(Seoul.LAT_MIN, Seoul.LNG_MAX);
        for (int i = 0; i < 10_000; i++) {
            GeoPoint near = Seoul.randomPointNear(corner, 3000, random);
            assertThat(Seoul.contains(near)).isTrue();
            assertThat(corner.metersTo(near)).isLessThanOrEqualTo(3000 * Math.sqrt(2) + 1);
        }
    }

    @Test
    void theNearestCornerIsOnTheGridAndCloserThanHalfABlockEachWay() {
        GeoPoint point = new GeoPoint(37.5665, 126.978);

        GeoPoint corner = Seoul.nearestCorner(point);

        assertThat((corner.lat() - Seoul.LAT_MIN) / Seoul.LAT_STEP).isCloseTo(Math.round((corner.lat() - Seoul.LAT_MIN) / Seoul.LAT_STEP), within(1e-6));
        assertThat((corner.lng() - Seoul.LNG_MIN) / Seoul.LNG_STEP).isCloseTo(Math.round((corner.lng() - Seoul.LNG_MIN) / Seoul.LNG_STEP), within(1e-6));
        assertThat(Math.abs(corner.lat() - point.lat())).isLessThanOrEqualTo(Seoul.LAT_STEP / 2);
        assertThat(Math.abs(corner.lng() - point.lng())).isLessThanOrEqualTo(Seoul.LNG_STEP / 2);
    }

    @Test
    void distancesMatchTheKnownScaleOfSeoul() {
        // City Hall to Gangnam station is about 8.9 km as the crow flies.
        GeoPoint cityHall = new GeoPoint(37.5663, 126.9779);
        GeoPoint gangnam = new GeoPoint(37.4979, 127.0276);

        assertThat(cityHall.metersTo(gangnam)).isCloseTo(8_800, within(300.0));
        assertThat(new GeoPoint(37.5, 127.0).metersTo(new GeoPoint(37.501, 127.0))).isCloseTo(111.3, within(0.1));
    }
}
