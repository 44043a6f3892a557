package dev.hailway.platform.web.internal;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code idempotency_keys} table. Every call commits on its own (REQUIRES_NEW): a claim must be visible to
 * a concurrent duplicate before the claimed work even starts, whatever transaction the caller is in.
 */
public final class IdempotencyStore {

    /** Rows per pruning statement: each DELETE stays short, and so do the row locks it holds. */
    static final int PRUNE_BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration inFlightTimeout;
    private final Duration retention;

    IdempotencyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, Duration inFlightTimeout,
                     Duration retention) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.inFlightTimeout = inFlightTimeout;
        this.retention = retention;
    }

    public record StoredResponse(int status, @Nullable String body, @Nullable String contentType,
                                 @Nullable String location) {
    }

    public record StoredRequest(String requestHash, @Nullable StoredResponse response) {
    }

    /**
     * Claims the key for a request, or takes over one that was abandoned in flight or has expired.
     *
     * @return whether the caller now holds the key
     */
    public boolean claim(String caller, String key, String requestHash) {
        Integer claimed = transactions.execute(status -> jdbc.sql("""
                        INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, state, created_at)
                        VALUES (:caller, :key, :hash, 'IN_FLIGHT', now())
                        ON CONFLICT (caller, idempotency_key) DO UPDATE
                            SET request_hash = excluded.request_hash, state = 'IN_FLIGHT', created_at = now(),
                                response_status = NULL, response_body = NULL, response_content_type = NULL,
                                response_location = NULL, completed_at = NULL
                            WHERE (idempotency_keys.state = 'IN_FLIGHT'
                                   AND idempotency_keys.created_at < now() - make_interval(secs => :inFlightSeconds))
                               OR idempotency_keys.created_at < now() - make_interval(secs => :retentionSeconds)""")
                .param("caller", caller)
                .param("key", key)
                .param("hash", requestHash)
                .param("inFlightSeconds", (double) inFlightTimeout.toMillis() / 1000)
                .param("retentionSeconds", (double) retention.toMillis() / 1000)
                .update());
        return claimed != null && claimed == 1;
    }

    public Optional<StoredRequest> find(String caller, String key) {
        return transactions.execute(status -> jdbc.sql("""
                        SELECT request_hash, state, response_status, response_body, response_content_type,
                               response_location
                        FROM idempotency_keys WHERE caller = :caller AND idempotency_key = :key""")
                .param("caller", caller)
                .param("key", key)
                .query((rs, row) -> new StoredRequest(rs.getString("request_hash"),
                        "COMPLETED".equals(rs.getString("state"))
                                ? new StoredResponse(rs.getInt("response_status"), rs.getString("response_body"),
                                rs.getString("response_content_type"), rs.getString("response_location"))
                                : null))
                .optional());
    }

    public void complete(String caller, String key, StoredResponse response) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE idempotency_keys
                        SET state = 'COMPLETED', response_status = :status, response_body = :body,
                            response_content_type = :contentType, response_location = :location, completed_at = now()
                        WHERE caller = :caller AND idempotency_key = :key""")
                .param("status", response.status())
                .param("body", response.body())
                .param("contentType", response.contentType())
                .param("location", response.location())
                .param("caller", caller)
                .param("key", key)
                .update());
    }

    /** Drops an in-flight claim so the client can retry after a failure. */
    public void release(String caller, String key) {
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        DELETE FROM idempotency_keys
                        WHERE caller = :caller AND idempotency_key = :key AND state = 'IN_FLIGHT'""")
                .param("caller", caller)
                .param("key", key)
                .update());
    }

    /**
     * Deletes every key claimed longer ago than the retention: past it, {@link #claim} would take the key over anyway,
     * so nothing is lost but rows. In batches, each its own transaction; {@code SKIP LOCKED} lets several instances
     * prune the same table at once without waiting on each other (or on a claim taking a row over).
     *
     * @return how many keys were deleted
     */
    public int pruneExpired() {
        int total = 0;
        int deleted;
        do {
            Integer batch = transactions.execute(status -> jdbc.sql("""
                            DELETE FROM idempotency_keys
                            WHERE (caller, idempotency_key) IN (
                                SELECT caller, idempotency_key FROM idempotency_keys
                                WHERE created_at < now() - make_interval(secs => :retentionSeconds)
                                ORDER BY created_at
                                LIMIT :batch
                                FOR UPDATE SKIP LOCKED)""")
                    .param("retentionSeconds", (double) retention.toMillis() / 1000)
                    .param("batch", PRUNE_BATCH)
                    .update());
            deleted = batch == null ? 0 : batch;
            total += deleted;
        } while (deleted == PRUNE_BATCH);
        return total;
    }
}
