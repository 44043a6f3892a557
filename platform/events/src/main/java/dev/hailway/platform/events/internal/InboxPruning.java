package dev.hailway.platform.events.internal;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import dev.hailway.platform.events.Inbox;

/**
 * Keeps the inbox from growing without bound: every consumed event leaves its id there, and ids older than the
 * topics' retention protect against nothing. Every instance prunes; {@link Inbox#pruneReceivedBefore} is safe on
 * several at once.
 */
final class InboxPruning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxPruning.class);
    /** Soon after the start, so that an instance restarted more often than every interval still prunes. */
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final Inbox inbox;
    private final Duration retention;
    private final Clock clock;
    private final FixedDelayTask task;

    InboxPruning(Inbox inbox, Duration retention, Duration every, Clock clock) {
        this.inbox = inbox;
        this.retention = retention;
        this.clock = clock;
        this.task = new FixedDelayTask("inbox-pruning", every.compareTo(FIRST_RUN_AFTER) < 0 ? every : FIRST_RUN_AFTER, every,
                this::prune);
    }

    void prune() {
        int pruned = inbox.pruneReceivedBefore(clock.instant().minus(retention));
        if (pruned > 0) {
            log.info("Forgot {} inbox entries older than {}", pruned, retention);
        }
    }

    @Override
    public void start() {
        task.start();
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
