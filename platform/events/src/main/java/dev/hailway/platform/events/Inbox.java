package dev.hailway.platform.events;

import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies each event at most once per service, so at-least-once delivery becomes effectively-once.
 *
 * <p>The id insert and the handler share one transaction: if the handler fails, the id is not recorded and a
 * redelivery tries again; if it succeeds, a redelivery finds the id and is skipped.
 *
 * <pre>{@code
 * @KafkaListener(topics = IdentityTopics.ACCOUNTS)
 * void on(EventEnvelope envelope) {
 *     inbox.apply(envelope, () -> riders.create(envelope.payloadAs(AccountRegistered.class, mapper)));
 * }
 * }</pre>
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Runs {@code handler} unless this envelope's id was applied before.
     *
     * @return whether the handler ran; {@code false} for a redelivered envelope
     */
    public boolean apply(EventEnvelope envelope, Runnable handler) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(handler, "handler");
        Boolean applied = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            INSERT INTO inbox (event_id, event_type) VALUES (:id, :type)
                            ON CONFLICT (event_id) DO NOTHING""")
                    .param("id", envelope.id())
                    .param("type", envelope.type())
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.run();
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /**
     * Forgets the ids of events received before {@code cutoff}: Kafka no longer holds records that old (its retention
     * is shorter than the inbox's), so none of them can be delivered again. In batches, so that no delete holds
     * locks for long; safe with several instances pruning at once.
     *
     * @return how many ids were forgotten
     */
    public int pruneReceivedBefore(java.time.Instant cutoff) {
        int pruned = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                            DELETE FROM inbox WHERE event_id IN (
                              SELECT event_id FROM inbox WHERE received_at < :cutoff LIMIT 1000 FOR UPDATE SKIP LOCKED)""")
                    .param("cutoff", java.sql.Timestamp.from(cutoff))
                    .update();
            pruned += batch;
        } while (batch > 0);
        return pruned;
    }
}
