package dev.hailway.platform.web.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Prunes expired idempotency keys on a thread of its own, in every service that has the table, whether or not the
 * service enables Spring's scheduling. Each instance prunes; {@link IdempotencyStore#pruneExpired} is safe to run on
 * several at once. A run that fails (the database is down) is logged and the next one comes anyway.
 */
final class IdempotencyPruning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPruning.class);
    /** The first run comes soon after the start, so that an instance restarted more often than every interval prunes. */
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final IdempotencyStore store;
    private final Duration interval;
    private volatile ScheduledExecutorService scheduler;

    IdempotencyPruning(IdempotencyStore store, Duration interval) {
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("hailway.web.idempotency.prune-every must be positive");
        }
        this.store = store;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("idempotency-pruning").daemon(true).factory());
        long first = Math.min(interval.toMillis(), FIRST_RUN_AFTER.toMillis());
        scheduler.scheduleWithFixedDelay(this::prune, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void prune() {
        try {
            int pruned = store.pruneExpired();
            if (pruned > 0) {
                log.info("Pruned {} expired idempotency keys", pruned);
            }
        } catch (RuntimeException e) {
            log.warn("Pruning idempotency keys failed; it runs again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
