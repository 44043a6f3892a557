package dev.hailway.simulator.seoul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class StreetWalkerTest {

    /** One second at 30 km/h. */
    private static final double STEP_METERS = 30 / 3.6;

    @Test
    void aCruisingCarStaysInsideTheBoxForHours() {
        StreetWalker walker = new StreetWalker(Seoul.randomCorner(new Random(1)), new Random(2));

        for (int second = 0; second < 6 * 3600; second++) {
            walker.cruise(STEP_METERS);
            assertThat(Seoul.contains(walker.position())).as("after %d s at %s", second, walker.position()).isTrue();
        }
    }

    @Test
    void aCruisingCarKeepsToTheStreets() {
        StreetWalker walker = new StreetWalker(Seoul.randomCorner(new Random(3)), new Random(4));

        for (int second = 0; second < 3600; second++) {
            walker.cruise(STEP_METERS);
            assertThat(onAStreet(walker.position())).as("at %s", walker.position()).isTrue();
        }
    }

    @Test
    void aCruisingCarCoversTheGivenDistanceEachSecond() {
        StreetWalker walker = new StreetWalker(Seoul.randomCorner(new Random(5)), new Random(6));

        for (int second = 0; second < 3600; second++) {
            GeoPoint before = walker.position();
            walker.cruise(STEP_METERS);
            double moved = before.metersTo(walker.position());
            // Straight on it is the full step; turning at a corner cuts the corner, never by more than the diagonal.
            assertThat(moved).isLessThanOrEqualTo(STEP_METERS + 0.01).isGreaterThanOrEqualTo(STEP_METERS / Math.sqrt(2) - 0.01);
        }
    }

    @Test
    void aCarSentSomewhereDrivesThereAtTheGivenSpeedAlongTwoStreets() {
        GeoPoint start = new GeoPoint(37.50, 126.95);
        GeoPoint target = new GeoPoint(37.52, 126.98);
        double manhattan = start.metersTo(new GeoPoint(target.lat(), start.lng()))
                + new GeoPoint(target.lat(), start.lng()).metersTo(target);
        StreetWalker walker = new StreetWalker(start, new Random(7));

        int seconds = 0;
        while (!walker.driveTo(target, STEP_METERS)) {
            seconds++;
            assertThat(Seoul.contains(walker.position())).isTrue();
        }

        assertThat(walker.position().metersTo(target)).isLessThan(1);
        assertThat((seconds + 1) * STEP_METERS).isCloseTo(manhattan, within(STEP_METERS + 1));
        assertThat(walker.headingDegrees()).isEqualTo(90);
    }

    @Test
    void aCarSentOutsideTheBoxStopsAtItsEdge() {
        StreetWalker walker = new StreetWalker(new GeoPoint(37.59, 127.09), new Random(8));

        while (!walker.driveTo(new GeoPoint(38.0, 128.0), 100)) {
            assertThat(Seoul.contains(walker.position())).isTrue();
        }

        assertThat(walker.position()).isEqualTo(new GeoPoint(Seoul.LAT_MAX, Seoul.LNG_MAX));
    }

    @Test
    void afterARideTheCarFindsItsWayBackToTheGrid() {
        StreetWalker walker = new StreetWalker(new GeoPoint(37.5123, 126.9567), new Random(9));

        for (int second = 0; second < 200; second++) {
            walker.cruise(STEP_METERS);
        }

        assertThat(onAStreet(walker.position())).isTrue();
    }

    private static boolean onAStreet(GeoPoint point) {
        double latLines = (point.lat() - Seoul.LAT_MIN) / Seoul.LAT_STEP;
        double lngLines = (point.lng() - Seoul.LNG_MIN) / Seoul.LNG_STEP;
        return Math.abs(latLines - Math.round(latLines)) < 1e-6 || Math.abs(lngLines - Math.round(lngLines)) < 1e-6;
    }
}
