package dev.hailway.location.index;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import com.uber.h3core.H3Core;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;

/**
 * A rough, JMH-free look at query and update cost: drivers spread over a 40 km square around Seoul, queries for
 * the 10 nearest within 3 km. Not a test (its name does not end in Test); run its {@code main} from the IDE or with
 * {@code java -cp <test classpath> dev.hailway.location.index.DriverIndexBenchmark [drivers]}.
 */
public final class DriverIndexBenchmark {

    public static void main(String[] args) throws IOException {
        int drivers = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Random random = new Random(7);
        DriverIndex index = new DriverIndex(H3Core.newInstance(), 9);
        GeoPoint seoul = new GeoPoint(37.5665, 126.9780);
        Instant now = Instant.now();
        Availability online = new Availability(VehicleClass.STANDARD, true, false);

        long started = System.nanoTime();
        for (int i = 0; i < drivers; i++) {
            UUID driver = UUID.randomUUID();
            index.setAvailability(driver, online);
            index.move(driver, new Position(around(seoul, random, 20_000), now));
        }
        System.out.printf("%d drivers placed in %d ms%n", drivers, (System.nanoTime() - started) / 1_000_000);

        int queries = 20_000;
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            GeoPoint at = around(seoul, random, 15_000);
            long t = System.nanoTime();
            index.nearest(at, 3000, 10, null, now, Duration.ofMinutes(1));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("nearest(k=10, r=3 km): p50 %d µs, p99 %d µs, max %d µs%n", nanos[queries / 2] / 1000,
                nanos[queries * 99 / 100] / 1000, nanos[queries - 1] / 1000);
    }

    private static GeoPoint around(GeoPoint center, Random random, double halfSideMeters) {
        double north = (random.nextDouble() * 2 - 1) * halfSideMeters;
        double east = (random.nextDouble() * 2 - 1) * halfSideMeters;
        return new GeoPoint(center.lat() + north / 111_195.0,
                center.lng() + east / (111_195.0 * Math.cos(Math.toRadians(center.lat()))));
    }
}
