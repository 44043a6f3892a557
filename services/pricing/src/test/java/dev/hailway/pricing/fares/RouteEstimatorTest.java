package dev.hailway.pricing.fares;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hailway.common.api.GeoPoint;
import org.junit.jupiter.api.Test;

class RouteEstimatorTest {

    private static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);
    private static final GeoPoint GANGNAM_STATION = new GeoPoint(37.4979, 127.0276);

    @Test
    void measuresTheGreatCircleDistance() {
        // Seoul City Hall to Gangnam Station: about 8.8 km as the crow flies.
        assertThat(RouteEstimator.straightLineMeters(CITY_HALL, GANGNAM_STATION)).isCloseTo(8_770, within(150.0));
        assertThat(RouteEstimator.straightLineMeters(CITY_HALL, CITY_HALL)).isZero();
    }

    @Test
    void stretchesTheDistanceByTheRoadFactorAndDrivesItAtTheAverageSpeed() {
        var estimator = new RouteEstimator(1.3, 24);
        double straight = RouteEstimator.straightLineMeters(CITY_HALL, GANGNAM_STATION);

        var route = estimator.estimate(CITY_HALL, GANGNAM_STATION);

        assertThat(route.distanceMeters()).isEqualTo(Math.round(straight * 1.3));
        // 24 km/h = 400 m a minute.
        assertThat(route.durationSeconds()).isCloseTo(Math.round(route.distanceMeters() / (24 / 3.6)), within(1L));
    }
}
