package dev.hailway.location.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.uber.h3core.H3Core;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.location.api.DriverPositionReported;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.location.index.Position;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportingPositionsTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);
    static H3Core h3;

    final List<DriverPositionReported> published = new ArrayList<>();
    DriverIndex index;
    ReportingPositions reporting;
    final UUID driver = UUID.randomUUID();

    @BeforeAll
    static void loadH3() throws IOException {
        h3 = H3Core.newInstance();
    }

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        index = new DriverIndex(h3, 9);
        reporting = new ReportingPositions(index, (positions, patience) -> published.addAll(positions),
                new PingRules(250, Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2));
    }

    static GeoPoint north(double meters) {
        return new GeoPoint(CITY_HALL.lat() + meters / 111_195.0, CITY_HALL.lng());
    }

    static Ping ping(GeoPoint point, Instant at) {
        return new Ping(point.lat(), point.lng(), 90.0, 40.0, at);
    }

    @Test
    void acceptsABatchInTimeOrderAndPublishesEachPing() {
        int accepted = reporting.report(driver, List.of(ping(north(100), NOW.minusSeconds(4)),
                ping(north(0), NOW.minusSeconds(8)), ping(north(200), NOW)), false);

        assertThat(accepted).isEqualTo(3);
        assertThat(published).extracting(DriverPositionReported::at)
                .containsExactly(NOW.minusSeconds(8), NOW.minusSeconds(4), NOW);
        assertThat(index.lastPosition(driver)).contains(new Position(north(200), NOW));
    }

    @Test
    void ignoresPingsOlderThanTheLastAccepted() {
        reporting.report(driver, List.of(ping(north(0), NOW)), true);

        int accepted = reporting.report(driver, List.of(ping(north(50), NOW.minusSeconds(4)), ping(north(0), NOW)),
                false);

        assertThat(accepted).isZero();
        assertThat(published).hasSize(1);
        assertThat(index.lastPosition(driver)).contains(new Position(north(0), NOW));
    }

    @Test
    void rejectsAJumpFasterThan250KmhAndKeepsNothing() {
        reporting.report(driver, List.of(ping(north(0), NOW.minusSeconds(10))), true);

        // 2 km in 10 s is 720 km/h.
        assertThatThrownBy(() -> reporting.report(driver, List.of(ping(north(100), NOW.minusSeconds(9)),
                ping(north(2000), NOW)), false))
                .isInstanceOfSatisfying(ImplausiblePings.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("[1].lat", "[1].lng"));

        assertThat(published).hasSize(1);
        assertThat(index.lastPosition(driver)).contains(new Position(north(0), NOW.minusSeconds(10)));
    }

    @Test
    void aFastButPossibleDriveIsAccepted() {
        reporting.report(driver, List.of(ping(north(0), NOW.minusSeconds(10))), true);

        // 600 m in 10 s is 216 km/h: a motorway, not a teleport.
        assertThat(reporting.report(driver, List.of(ping(north(600), NOW)), true)).isEqualTo(1);
    }

    @Test
    void gpsJitterIsNotSpeed() {
        reporting.report(driver, List.of(ping(north(0), NOW.minusMillis(200))), true);

        assertThat(reporting.report(driver, List.of(ping(north(30), NOW)), true)).isEqualTo(1);
    }

    @Test
    void anImpossiblePingRejectsTheWholeBatch() {
        assertThatThrownBy(() -> reporting.report(driver, List.of(ping(north(0), NOW.minusSeconds(4)),
                new Ping(91.0, 0.0, null, null, NOW)), false))
                .isInstanceOfSatisfying(InvalidPings.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("[1].lat"));

        assertThat(published).isEmpty();
        assertThat(index.lastPosition(driver)).isEmpty();
    }

    @Test
    void pingsTheLogDidNotTakeAreNotKeptSoTheSameRequestCanBeSentAgain() {
        reporting.report(driver, List.of(ping(north(0), NOW.minusSeconds(8))), true);
        List<Ping> request = List.of(ping(north(50), NOW.minusSeconds(4)), ping(north(100), NOW));
        ReportingPositions brokerDown = new ReportingPositions(index, (positions, patience) -> {
            throw new PositionsNotRecorded("broker down", Duration.ofSeconds(5));
        }, new PingRules(250, Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2));

        assertThatThrownBy(() -> brokerDown.report(driver, request, false))
                .isInstanceOfSatisfying(PositionsNotRecorded.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        assertThat(index.lastPosition(driver)).contains(new Position(north(0), NOW.minusSeconds(8)));

        // Had the index moved on, the retry's pings would look old, be skipped, and never reach the log.
        assertThat(reporting.report(driver, request, false)).isEqualTo(2);
        assertThat(published).extracting(DriverPositionReported::at)
                .containsExactly(NOW.minusSeconds(8), NOW.minusSeconds(4), NOW);
    }

    @Test
    void theLogIsGivenNoMoreThanTheRequestsPatience() {
        List<Duration> given = new ArrayList<>();
        ReportingPositions patient = new ReportingPositions(index, (positions, patience) -> given.add(patience),
                new PingRules(250, Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2));

        patient.report(driver, List.of(ping(north(0), NOW)), true);

        assertThat(given).singleElement().satisfies(patience -> assertThat(patience)
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void aRequestWaitsForTheDriversPreviousOneNoLongerThanItsPatience() throws Exception {
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch brokerAnswers = new CountDownLatch(1);
        ReportingPositions slowLog = new ReportingPositions(index, (positions, patience) -> {
            publishing.countDown();
            try {
                brokerAnswers.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, new PingRules(250, Duration.ofSeconds(30)), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(300));
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                () -> slowLog.report(driver, List.of(ping(north(0), NOW.minusSeconds(4))), true));
        assertThat(publishing.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> slowLog.report(driver, List.of(ping(north(50), NOW)), true))
                .isInstanceOf(PositionsNotRecorded.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

        brokerAnswers.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(index.lastPosition(driver)).contains(new Position(north(0), NOW.minusSeconds(4)));
    }

    @Test
    void impliedSpeedAllowsForGpsAccuracy() {
        Position from = new Position(north(0), NOW);

        assertThat(ReportingPositions.impliedSpeedKmh(from, new Position(north(40), NOW.plusSeconds(1)))).isZero();
        assertThat(ReportingPositions.impliedSpeedKmh(from, new Position(north(1050), NOW.plusSeconds(36))))
                .isBetween(99.0, 101.0);
    }
}
