package dev.hailway.location.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.uber.h3core.H3Core;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DriverIndexTest {

    static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);
    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final Duration STALE = Duration.ofSeconds(60);
    static final Availability ONLINE = new Availability(VehicleClass.STANDARD, true, false);
    static H3Core h3;

    final DriverIndex index = new DriverIndex(h3, 9);

    @BeforeAll
    static void loadH3() throws IOException {
        h3 = H3Core.newInstance();
    }

    /** A point {@code north} and {@code east} metres from {@code from}. */
    static GeoPoint offset(GeoPoint from, double north, double east) {
        double lat = from.lat() + north / 111_195.0;
        double lng = from.lng() + east / (111_195.0 * Math.cos(Math.toRadians(from.lat())));
        return new GeoPoint(lat, lng);
    }

    UUID driverAt(GeoPoint point, Availability availability) {
        UUID driver = UUID.randomUUID();
        index.setAvailability(driver, availability);
        index.move(driver, new Position(point, NOW.minusSeconds(5)));
        return driver;
    }

    List<UUID> nearest(GeoPoint point, double radius, int k, VehicleClass vehicleClass) {
        return index.nearest(point, radius, k, vehicleClass, NOW, STALE).stream().map(Candidate::driverId).toList();
    }

    @Test
    void returnsTheNearestDriversNearestFirst() {
        UUID far = driverAt(offset(CITY_HALL, 1200, 0), ONLINE);
        UUID near = driverAt(offset(CITY_HALL, 0, 150), ONLINE);
        UUID middle = driverAt(offset(CITY_HALL, -500, -300), ONLINE);

        assertThat(nearest(CITY_HALL, 5000, 10, null)).containsExactly(near, middle, far);
        assertThat(nearest(CITY_HALL, 5000, 2, null)).containsExactly(near, middle);
    }

    @Test
    void reportsHaversineDistances() {
        driverAt(offset(CITY_HALL, 1000, 0), ONLINE);

        Candidate candidate = index.nearest(CITY_HALL, 5000, 1, null, NOW, STALE).getFirst();

        assertThat(candidate.distanceMeters()).isBetween(995.0, 1005.0);
        assertThat(candidate.vehicleClass()).isEqualTo(VehicleClass.STANDARD);
    }

    @Test
    void leavesOutDriversBeyondTheRadius() {
        UUID inside = driverAt(offset(CITY_HALL, 990, 0), ONLINE);
        driverAt(offset(CITY_HALL, 1010, 0), ONLINE);
        driverAt(offset(CITY_HALL, 0, 5000), ONLINE);

        assertThat(nearest(CITY_HALL, 1000, 10, null)).containsExactly(inside);
    }

    @Test
    void findsDriversAtTheEdgeOfALargeRadius() {
        UUID farAway = driverAt(offset(CITY_HALL, 0, 19_900), ONLINE);

        assertThat(nearest(CITY_HALL, 20_000, 5, null)).containsExactly(farAway);
    }

    @Test
    void leavesOutBusyOfflineAndUnknownDrivers() {
        UUID available = driverAt(offset(CITY_HALL, 300, 0), ONLINE);
        driverAt(offset(CITY_HALL, 100, 0), new Availability(VehicleClass.STANDARD, true, true));
        driverAt(offset(CITY_HALL, 110, 0), new Availability(VehicleClass.STANDARD, false, false));
        driverAt(offset(CITY_HALL, 120, 0), Availability.UNKNOWN);

        assertThat(nearest(CITY_HALL, 2000, 10, null)).containsExactly(available);
    }

    @Test
    void filtersByVehicleClass() {
        UUID xl = driverAt(offset(CITY_HALL, 400, 0), new Availability(VehicleClass.XL, true, false));
        UUID standard = driverAt(offset(CITY_HALL, 100, 0), ONLINE);

        assertThat(nearest(CITY_HALL, 2000, 10, VehicleClass.XL)).containsExactly(xl);
        assertThat(nearest(CITY_HALL, 2000, 10, VehicleClass.STANDARD)).containsExactly(standard);
        assertThat(nearest(CITY_HALL, 2000, 10, VehicleClass.COMFORT)).isEmpty();
    }

    @Test
    void leavesOutDriversWhoseGpsWentQuiet() {
        UUID fresh = driverAt(offset(CITY_HALL, 500, 0), ONLINE);
        UUID quiet = UUID.randomUUID();
        index.setAvailability(quiet, ONLINE);
        index.move(quiet, new Position(offset(CITY_HALL, 50, 0), NOW.minusSeconds(61)));

        assertThat(nearest(CITY_HALL, 2000, 10, null)).containsExactly(fresh);
    }

    @Test
    void aDriverWhoMovesIsFoundWhereTheyAreNow() {
        UUID driver = driverAt(offset(CITY_HALL, 5000, 0), ONLINE);
        index.move(driver, new Position(offset(CITY_HALL, 200, 0), NOW));

        assertThat(nearest(CITY_HALL, 1000, 10, null)).containsExactly(driver);
        assertThat(nearest(offset(CITY_HALL, 5000, 0), 1000, 10, null)).isEmpty();
    }

    @Test
    void anOlderPositionNeverOverwritesANewerOne() {
        UUID driver = UUID.randomUUID();
        Position newer = new Position(CITY_HALL, NOW);

        assertThat(index.move(driver, newer)).isTrue();
        assertThat(index.move(driver, new Position(offset(CITY_HALL, 900, 0), NOW.minusSeconds(1)))).isFalse();
        assertThat(index.move(driver, new Position(offset(CITY_HALL, 900, 0), NOW))).isFalse();
        assertThat(index.lastPosition(driver)).contains(newer);
    }

    @Test
    void availabilityAndPositionArriveInEitherOrder() {
        UUID positionFirst = UUID.randomUUID();
        index.move(positionFirst, new Position(offset(CITY_HALL, 100, 0), NOW));
        assertThat(nearest(CITY_HALL, 1000, 10, null)).isEmpty();
        index.setAvailability(positionFirst, ONLINE);

        assertThat(nearest(CITY_HALL, 1000, 10, null)).containsExactly(positionFirst);
        assertThat(index.lastPosition(positionFirst)).isPresent();
    }

    @Test
    void agreesWithABruteForceSearchOnRandomDrivers() {
        Random random = new Random(42);
        List<GeoPoint> points = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            GeoPoint point = offset(CITY_HALL, (random.nextDouble() - 0.5) * 30_000, (random.nextDouble() - 0.5) * 30_000);
            points.add(point);
            ids.add(driverAt(point, ONLINE));
        }
        for (int query = 0; query < 20; query++) {
            GeoPoint at = offset(CITY_HALL, (random.nextDouble() - 0.5) * 20_000, (random.nextDouble() - 0.5) * 20_000);
            double radius = 200 + random.nextDouble() * 5000;
            int k = 1 + random.nextInt(20);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                if (Distances.haversineMeters(at, points.get(i)) <= radius) {
                    order.add(i);
                }
            }
            order.sort((a, b) -> Double.compare(Distances.haversineMeters(at, points.get(a)),
                    Distances.haversineMeters(at, points.get(b))));
            List<UUID> expected = order.subList(0, Math.min(k, order.size())).stream().map(ids::get).toList();

            assertThat(nearest(at, radius, k, null)).as("query %d", query).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void nothingToFindIsAnEmptyAnswer() {
        assertThat(nearest(CITY_HALL, 20_000, 50, null)).isEqualTo(Collections.emptyList());
    }
}
