package dev.hailway.runtime;

import java.util.List;

import dev.hailway.platform.infra.DatabaseCredentials;

/**
 * A whole platform on this machine, as {@code ./hailway up} runs it: from JVM processes ({@link Platform}) or from
 * images ({@link ContainerPlatform}). Tests drive either through the same calls.
 */
public interface LocalPlatform extends AutoCloseable {

    String gatewayUrl();

    /** {@code http://localhost:<port>} of one service. */
    String serviceUrl(String service);

    String kafkaBootstrapServers();

    /** The credentials {@code service} was started with, e.g. to check its tables from a test as an auditor would. */
    DatabaseCredentials database(String service);

    String operatorEmail();

    String operatorPassword();

    /** Stops one service, {@code kafka} or {@code postgres} gracefully (SIGTERM, then SIGKILL after a grace period). */
    void stop(String name);

    /** Kills one service, {@code kafka} or {@code postgres} at once, as a crash would. */
    void kill(String name);

    /** Starts what {@link #stop} or {@link #kill} ended again, and waits until it is healthy. */
    void start(String name);

    /**
     * Freezes one process (SIGSTOP): it keeps its connections and answers nothing, as in a long GC pause; also
     * {@code postgres} or {@code kafka}.
     */
    void pause(String name);

    /** Lets a process {@link #pause}d go on (SIGCONT). */
    void resume(String name);

    /** Stops one service gracefully if it runs (thawed first, if paused) and starts it again, healthy. */
    default void restart(String name) {
        try {
            resume(name);  // a frozen process would sit out its whole grace period
        } catch (RuntimeException notRunning) {
            // killed or stopped before: nothing to thaw, only to start
        }
        stop(name);
        start(name);
    }

    PlatformOptions options();

    /** Stops everything: the services, then Kafka, then PostgreSQL. Data stays for the next start. */
    @Override
    void close();

    /** What the launcher's status table shows: PostgreSQL, Kafka, then the services in start order. */
    List<RunState.ProcessRecord> processes();
}
