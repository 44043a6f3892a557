package dev.hailway.history.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** How long riders waited from request to assigned driver, over a window of trips (nearest-rank percentiles). */
public record AssignmentTimes(int trips, long p50Millis, long p95Millis, long maxMillis) {

    public static AssignmentTimes of(List<Duration> waits) {
        if (waits.isEmpty()) {
            return new AssignmentTimes(0, 0, 0, 0);
        }
        List<Long> sorted = new ArrayList<>(waits.size());
        waits.forEach(wait -> sorted.add(Math.max(0, wait.toMillis())));
        Collections.sort(sorted);
        return new AssignmentTimes(sorted.size(), rank(sorted, 50), rank(sorted, 95), sorted.getLast());
    }

    private static long rank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
