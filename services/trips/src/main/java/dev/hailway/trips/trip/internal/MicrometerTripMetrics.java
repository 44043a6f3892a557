package dev.hailway.trips.trip.internal;

import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.Decision;
import dev.hailway.trips.trip.TripId;
import dev.hailway.trips.trip.TripMetrics;
import dev.hailway.trips.trip.TripState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code hailway.trips.transitions} counts moves into each status (and cancellation reason);
 * {@code hailway.trips.active} gauges how many trips sit in each non-terminal status (refreshed by the sweep);
 * {@code hailway.trips.assignment} times a request to its driver; {@code hailway.trips.capture.overdue} counts
 * completed trips that waited too long for their capture; {@code hailway.trips.overdue} gauges the trips still past
 * a deadline after a sweep (a saga stuck).
 */
final class MicrometerTripMetrics implements TripMetrics {

    private static final Logger log = LoggerFactory.getLogger(MicrometerTripMetrics.class);

    private final MeterRegistry registry;
    private final Timer assignment;
    private final Counter captureOverdue;
    private final Map<TripStatus, AtomicLong> active = new EnumMap<>(TripStatus.class);
    private final AtomicLong overdue = new AtomicLong();

    MicrometerTripMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.assignment = Timer.builder("hailway.trips.assignment")
                .description("From the trip request to its driver's assignment")
                .publishPercentileHistogram()
                .register(registry);
        this.captureOverdue = Counter.builder("hailway.trips.capture.overdue")
                .description("Completed trips still waiting for their capture past the deadline")
                .register(registry);
        Gauge.builder("hailway.trips.overdue", overdue, AtomicLong::get)
                .description("Trips past a deadline that the last timeout sweep did not move on")
                .register(registry);
        for (TripStatus status : TripStatus.values()) {
            if (!status.isTerminal()) {
                AtomicLong gauge = new AtomicLong();
                active.put(status, gauge);
                registry.gauge("hailway.trips.active", Tags.of("status", status.name()),
                        gauge);
            }
        }
    }

    @Override
    public void moved(Decision.Move move) {
        // Counted once the change is committed: a rolled-back move did not happen.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count(move);
                }
            });
        } else {
            count(move);
        }
    }

    private void count(Decision.Move move) {
        var after = move.after();
        String reason = after.state() instanceof TripState.Cancelled cancelled ? cancelled.reason().name() : "none";
        registry.counter("hailway.trips.transitions", "status", after.status().name(), "reason", reason).increment();
        if (after.state() instanceof TripState.DriverAssigned) {
            assignment.record(Duration.between(after.requestedAt(), after.updatedAt()));
        }
    }

    @Override
    public void captureOverdue(TripId trip) {
        log.warn("Trip {} was completed but its payment is still not captured", trip);
        captureOverdue.increment();
    }

    @Override
    public void active(Map<TripStatus, Long> counts) {
        counts.forEach((status, count) -> {
            AtomicLong gauge = active.get(status);
            if (gauge != null) {
                gauge.set(count);
            }
        });
    }

    @Override
    public void overdue(int stuck) {
        overdue.set(stuck);
    }
}
