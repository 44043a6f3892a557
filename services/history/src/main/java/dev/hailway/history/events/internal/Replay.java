package dev.hailway.history.events.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * One rebuild's progress: the offsets the topics ended at when it started, and the offsets applied since the
 * rewind. Caught up once every partition's last record before the start has been applied (or dead-lettered).
 */
final class Replay {

    /** Per partition: the first offset still in the log and the end offset (the next one to be written). */
    record Range(long start, long end) {
    }

    private final Instant startedAt;
    private final Map<TopicPartition, Range> targets;
    private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();
    private volatile boolean rewindPending = true;
    private volatile Instant caughtUpAt;

    Replay(Instant startedAt, Map<TopicPartition, Range> targets) {
        this.startedAt = startedAt;
        this.targets = Map.copyOf(targets);
    }

    boolean rewindPending() {
        return rewindPending;
    }

    void rewound() {
        rewindPending = false;
    }

    void applied(TopicPartition partition, long offset) {
        applied.merge(partition, offset, Math::max);
    }

    /** Records of the log as it was at the start that are still to be applied. */
    long behind() {
        if (rewindPending) {
            return targets.values().stream().mapToLong(range -> range.end() - range.start()).sum();
        }
        long behind = 0;
        for (Map.Entry<TopicPartition, Range> target : targets.entrySet()) {
            long next = Math.max(target.getValue().start(), applied.getOrDefault(target.getKey(), -1L) + 1);
            behind += Math.max(0, target.getValue().end() - next);
        }
        return behind;
    }

    boolean caughtUp(Instant now) {
        if (caughtUpAt == null && !rewindPending && behind() == 0) {
            caughtUpAt = now;
        }
        return caughtUpAt != null;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant caughtUpAt() {
        return caughtUpAt;
    }
}
