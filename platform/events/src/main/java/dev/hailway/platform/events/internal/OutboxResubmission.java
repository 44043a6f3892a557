package dev.hailway.platform.events.internal;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Sends again what the outbox stored but Kafka never confirmed (broker down, send timed out, process killed
 * between commit and send). Republishing on restart covers a crash; this covers an outage while running.
 * Delivery is at least once: a send that was merely slow may go out twice, which the consumer's inbox absorbs.
 */
final class OutboxResubmission implements SmartLifecycle {

    private final IncompleteEventPublications publications;
    private final Duration minAge;
    private final FixedDelayTask task;

    OutboxResubmission(IncompleteEventPublications publications, Duration interval, Duration minAge) {
        this.publications = publications;
        this.minAge = minAge;
        this.task = new FixedDelayTask("outbox-resubmission", interval, interval, this::resubmit);
    }

    @Override
    public void start() {
        task.start();
    }

    void resubmit() {
        publications.resubmitIncompletePublicationsOlderThan(minAge);
    }

    @Override
    public void stop() {
        task.stop();
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }
}
