package dev.hailway.simulator.figures;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The live figures of a run, written by every rider and driver at once and read by the reporter. */
public final class Figures {

    /** The trip lifecycle in order; the report lists statuses this way, not alphabetically. */
    public static final List<String> STATUSES = List.of("REQUESTED", "PAYMENT_AUTHORIZED", "DRIVER_ASSIGNED",
            "DRIVER_ARRIVED", "IN_PROGRESS", "COMPLETED", "PAID", "CANCELLED");

    private static final long HIGHEST_TRACKABLE_MILLIS = 3_600_000;
    /** Enough unexpected errors, with their calls and request ids, to start looking in the services' logs. */
    static final int EXAMPLES_KEPT = 10;

    private final Map<UUID, TripState> trips = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder unexpected = new LongAdder();
    private final List<String> examples = new CopyOnWriteArrayList<>();
    // Concurrent so that riders record without a lock while the reporter reads percentiles.
    private final Histogram assignment = new ConcurrentHistogram(HIGHEST_TRACKABLE_MILLIS, 3);

    private record TripState(String status, String reason) {
    }

    public static boolean isTerminal(String status) {
        return "PAID".equals(status) || "CANCELLED".equals(status);
    }

    /** The last status a rider saw for a trip; {@code reason} only for {@code CANCELLED}. */
    public void tripStatus(UUID tripId, String status, String reason) {
        trips.put(tripId, new TripState(status, reason));
    }

    /** Time from the trip request until its rider first saw a driver assigned. */
    public void assignedAfter(long millis) {
        assignment.recordValue(Math.clamp(millis, 0, HIGHEST_TRACKABLE_MILLIS));
    }

    public void error(ErrorKind kind) {
        error(kind, null);
    }

    /** {@code example} says where it happened, e.g. {@code "POST /api/trips -> 503 (request 4f2a…)"}. */
    public void error(ErrorKind kind, String example) {
        errors.computeIfAbsent(kind.label(), label -> new LongAdder()).increment();
        if (kind.unexpected()) {
            unexpected.increment();
            if (example != null && examples.size() < EXAMPLES_KEPT) {
                examples.add(example);
            }
        }
    }

    public long openTrips() {
        return trips.values().stream().filter(trip -> !isTerminal(trip.status())).count();
    }

    public Summary summary() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> byReason = new LinkedHashMap<>();
        long nonTerminal = 0;
        for (TripState trip : trips.values()) {
            byStatus.merge(trip.status(), 1L, Long::sum);
            if ("CANCELLED".equals(trip.status())) {
                byReason.merge(trip.reason() == null ? "UNKNOWN" : trip.reason(), 1L, Long::sum);
            }
            if (!isTerminal(trip.status())) {
                nonTerminal++;
            }
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        errors.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
                .forEach(entry -> byKind.put(entry.getKey(), entry.getValue().sum()));
        Histogram snapshot = assignment.copy();
        long count = snapshot.getTotalCount();
        return new Summary(trips.size(), byStatus, byReason, count,
                count == 0 ? 0 : snapshot.getValueAtPercentile(50.0),
                count == 0 ? 0 : snapshot.getValueAtPercentile(99.0),
                byKind, unexpected.sum(), List.copyOf(examples).subList(0, Math.min(examples.size(), EXAMPLES_KEPT)), nonTerminal);
    }
}
