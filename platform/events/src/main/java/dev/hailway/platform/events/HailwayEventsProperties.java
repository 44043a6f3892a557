package dev.hailway.platform.events;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.events.*}.
 *
 * @param topics       topics this service publishes to; each is created at start-up with its {@code .DLT}
 *                     (creating an existing topic is a no-op)
 * @param partitions   partitions for the topics created from {@code topics}
 * @param resubmission how often outbox publications that were not confirmed get sent again
 * @param retry        how often and how far apart a failing listener is retried before its record goes to
 *                     the dead-letter topic (3 retries: 4 deliveries in all)
 * @param deadLetters  how many dead letters the {@code deadletters} actuator endpoint reads per topic
 * @param metrics      how often the outbox and dead-letter gauges are read (a fraction of Prometheus' scrape interval
 *                     is pointless: the alerts wait minutes)
 * @param inbox        how long the inbox remembers an applied event: longer than the topics keep their records
 *                     (Kafka's default retention is 7 days), since only Kafka can deliver one again
 */
@ConfigurationProperties("hailway.events")
public record HailwayEventsProperties(
        @DefaultValue List<String> topics,
        @DefaultValue("3") int partitions,
        @DefaultValue Resubmission resubmission,
        @DefaultValue Retry retry,
        @DefaultValue DeadLetters deadLetters,
        @DefaultValue Metrics metrics,
        @DefaultValue InboxRetention inbox) {

    /**
     * @param retention   ids of events received longer ago than this are forgotten
     * @param pruneEvery  how often to forget them
     */
    public record InboxRetention(
            @DefaultValue("8d") Duration retention,
            @DefaultValue("1h") Duration pruneEvery) {

        public InboxRetention {
            if (!retention.isPositive() || !pruneEvery.isPositive()) {
                throw new IllegalArgumentException("hailway.events.inbox.retention and prune-every must be positive");
            }
        }
    }

    /**
     * @param interval how often to look for unconfirmed publications
     * @param minAge   only publications at least this old are resent, so that sends still in flight are left alone
     */
    public record Resubmission(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("30s") Duration minAge) {
    }

    public record Retry(
            @DefaultValue("3") int retries,
            @DefaultValue("1s") Duration backoff) {
    }

    public record DeadLetters(
            @DefaultValue("500") int maxRecordsPerTopic) {
    }

    public record Metrics(
            @DefaultValue("15s") Duration interval) {
    }
}
