package dev.hailway.location.positions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.location.api.DriverPositionReported;
import dev.hailway.location.index.Distances;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.location.index.Position;

/**
 * Takes a driver's pings: all of them or none. Each must be possible ({@link PingRules}, else {@link InvalidPings});
 * in time order, each must be reachable from the one before, the first from the last accepted position, at no more
 * than {@code maxSpeedKmh} (else {@link ImplausiblePings}). A ping no newer than the last accepted one arrived out of
 * order: it is skipped, as it says nothing new. Accepted pings are published and, once the log has them, move the
 * driver in the index. A request never waits longer than {@code patience} for the driver's previous request and the
 * log together: past that it is {@link PositionsNotRecorded}, with nothing kept, so that the same request can be sent
 * again (the index moved ahead of the log would make that retry look like an old ping, never published).
 */
public final class ReportingPositions {

    /** GPS fixes wander by tens of metres; a jump within this is noise, not speed. */
    static final double GPS_ACCURACY_METERS = 50;
    private static final int LOCK_STRIPES = 64;

    private final DriverIndex index;
    private final PositionPublisher publisher;
    private final PingRules rules;
    private final Clock clock;
    private final Duration patience;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    public ReportingPositions(DriverIndex index, PositionPublisher publisher, PingRules rules, Clock clock,
                              Duration patience) {
        this.index = index;
        this.publisher = publisher;
        this.rules = rules;
        this.clock = clock;
        this.patience = patience;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /**
     * @param pings  what the driver sent, in the order sent
     * @param single whether the request was one ping rather than an array (decides how fields are named)
     * @return how many pings were accepted
     * @throws PositionsNotRecorded if they could not be recorded within the patience; nothing was kept
     */
    public int report(UUID driver, List<Ping> pings, boolean single) {
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < pings.size(); i++) {
            violations.addAll(rules.check(pings.get(i), single ? "" : "[" + i + "].", now));
        }
        if (!violations.isEmpty()) {
            throw new InvalidPings(violations);
        }
        List<Indexed> ordered = new ArrayList<>();
        for (int i = 0; i < pings.size(); i++) {
            ordered.add(new Indexed(single ? "" : "[" + i + "].", pings.get(i)));
        }
        ordered.sort(Comparator.comparing(indexed -> indexed.ping().at()));

        long deadline = System.nanoTime() + patience.toNanos();
        // One driver's requests one at a time, so two batches cannot each pass against the same previous position.
        // Bounded: behind a request that waits on a slow log, this one would otherwise wait without end.
        ReentrantLock lock = locks[Math.floorMod(driver.hashCode(), LOCK_STRIPES)];
        if (!tryLock(lock)) {
            throw new PositionsNotRecorded("the driver's previous positions are still being recorded",
                    retryAfter());
        }
        try {
            Optional<Position> last = index.lastPosition(driver);
            Position previous = last.orElse(null);
            List<Indexed> accepted = new ArrayList<>();
            for (Indexed indexed : ordered) {
                Position position = indexed.position();
                if (!position.isNewerThan(previous)) {
                    continue;
                }
                if (previous != null && impliedSpeedKmh(previous, position) > rules.maxSpeedKmh()) {
                    violations.add(new Violation(indexed.prefix() + "lat", "is more than "
                            + (int) rules.maxSpeedKmh() + " km/h away from the previous position"));
                    violations.add(new Violation(indexed.prefix() + "lng", "is more than "
                            + (int) rules.maxSpeedKmh() + " km/h away from the previous position"));
                    continue;
                }
                accepted.add(indexed);
                previous = position;
            }
            if (!violations.isEmpty()) {
                throw new ImplausiblePings(violations);
            }
            if (accepted.isEmpty()) {
                return 0;
            }
            publisher.publish(accepted.stream().map(indexed -> reported(driver, indexed)).toList(),
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            for (Indexed indexed : accepted) {
                index.move(driver, indexed.position());
            }
            return accepted.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean tryLock(ReentrantLock lock) {
        try {
            return lock.tryLock(patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration retryAfter() {
        return patience.isZero() ? Duration.ofSeconds(1) : patience;
    }

    private static DriverPositionReported reported(UUID driver, Indexed indexed) {
        Ping ping = indexed.ping();
        return new DriverPositionReported(driver, indexed.position().point(), ping.heading(), ping.speedKmh(),
                ping.at());
    }

    static double impliedSpeedKmh(Position from, Position to) {
        double meters = Math.max(0, Distances.haversineMeters(from.point(), to.point()) - GPS_ACCURACY_METERS);
        double seconds = Duration.between(from.at(), to.at()).toNanos() / 1e9;
        return seconds <= 0 ? Double.POSITIVE_INFINITY : meters / seconds * 3.6;
    }

    private record Indexed(String prefix, Ping ping) {

        Position position() {
            return new Position(new GeoPoint(ping.lat(), ping.lng()), ping.at());
        }
    }
}
