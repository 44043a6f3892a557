package dev.hailway.platform.events.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One task run again and again on a daemon thread of its own, a fixed delay after each run ends. A run that throws
 * is logged and the next one comes anyway: a scheduled task that throws would otherwise be cancelled for good.
 */
final class FixedDelayTask {

    private static final Logger log = LoggerFactory.getLogger(FixedDelayTask.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration delay;
    private final Runnable task;
    private volatile ScheduledExecutorService scheduler;

    FixedDelayTask(String name, Duration initialDelay, Duration delay, Runnable task) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.delay = delay;
        this.task = task;
    }

    void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::runSafely, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runSafely() {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed; it runs again in {}: {}", name, delay, e.toString());
        }
    }

    void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
            scheduler = null;
        }
    }

    boolean isRunning() {
        return scheduler != null;
    }
}
