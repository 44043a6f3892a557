package dev.hailway.dispatch.matching.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.hailway.dispatch.matching.Matching;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import dev.hailway.dispatch.matching.TripId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs matching attempts off the caller's thread (a Kafka listener, an HTTP request, the sweep), because an
 * attempt may wait seconds on location. The database says what is due; this only decides where it runs, so a
 * crash loses nothing: the next sweep finds the same due attempts.
 */
final class MatchingRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MatchingRunner.class);
    private static final int BATCH = 100;

    private final Matching matching;
    /**
     * The caller's observation travels with the attempt, so the call to location and the offer it leads to stay in
     * the trace of the event that asked for them (without it, TracingARideIT saw each attempt start a trace of its own).
     */
    private final ExecutorService executor = ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(),
            () -> ContextSnapshotFactory.builder().build().captureAll());
    /** Trips with an attempt running here: the sweep does not start a second one for them. */
    private final Set<TripId> running = ConcurrentHashMap.newKeySet();

    MatchingRunner(Matching matching) {
        this.matching = matching;
    }

    void attemptSoon(TripId tripId) {
        if (!running.add(tripId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    matching.attempt(tripId);
                } catch (RuntimeException e) {
                    // The attempt stays due in the database; the next sweep tries again.
                    log.warn("matching attempt for trip {} failed", tripId, e);
                } finally {
                    running.remove(tripId);
                }
            });
        } catch (RuntimeException e) {
            running.remove(tripId);
            throw e;
        }
    }

    /** One pass of the sweep: expire offers whose time is up, then start every attempt that is due. */
    void sweep() {
        // Each half on its own: a failure to expire offers must not stop due attempts, and the other way round.
        try {
            List<TripId> expired = matching.expireDueOffers(BATCH);
            expired.forEach(this::attemptSoon);
        } catch (RuntimeException e) {
            log.warn("expiring offers failed; trying again at the next sweep", e);
        }
        try {
            matching.dueForAttempt(BATCH).forEach(this::attemptSoon);
        } catch (RuntimeException e) {
            log.warn("starting due attempts failed; trying again at the next sweep", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
