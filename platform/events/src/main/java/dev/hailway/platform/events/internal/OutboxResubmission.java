package dev.hailway.platform.events.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Sends again what the outbox stored but Kafka never confirmed (broker down, send timed out, process killed
 * between commit and send). Republishing on restart covers a crash; this covers an outage while running.
 * Delivery is at least once: a send that was merely slow may go out twice, which the consumer's inbox absorbs.
 */
final class OutboxResubmission implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications publications;
    private final Duration interval;
    private final Duration minAge;
    private volatile ScheduledExecutorService scheduler;

    OutboxResubmission(IncompleteEventPublications publications, Duration interval, Duration minAge) {
        this.publications = publications;
        this.interval = interval;
        this.minAge = minAge;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("outbox-resubmission").daemon(true).factory());
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::resubmit, millis, millis, TimeUnit.MILLISECONDS);
    }

    void resubmit() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(minAge);
        } catch (RuntimeException e) {
            // The next round tries again; a scheduled task that throws would be cancelled for good.
            log.warn("Resubmitting outstanding event publications failed: {}", e.toString());
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
