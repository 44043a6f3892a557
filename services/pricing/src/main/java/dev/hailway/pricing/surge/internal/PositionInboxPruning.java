package dev.hailway.pricing.surge.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Drivers ping every few seconds, and each ping leaves an inbox row. Those rows are pruned after an hour: a
 * position older than the one stored is ignored anyway (see {@code JdbcSurgeBoard.driverPosition}), so a
 * redelivery after that changes nothing even without its inbox row. Other events keep theirs.
 */
class PositionInboxPruning {

    private final JdbcClient jdbc;

    PositionInboxPruning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows per delete: ten minutes of pings from a few thousand drivers, in short transactions. */
    static final int BATCH = 5_000;

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void prune() {
        while (pruneBatch() == BATCH) {
            // More to go: each batch commits on its own, so no single transaction holds many row locks or much WAL.
        }
    }

    int pruneBatch() {
        return jdbc.sql("""
                        delete from inbox where event_id in (
                            select event_id from inbox
                            where event_type = 'DriverPositionReported' and received_at < now() - interval '1 hour'
                            limit :batch)
                        """)
                .param("batch", BATCH)
                .update();
    }
}
