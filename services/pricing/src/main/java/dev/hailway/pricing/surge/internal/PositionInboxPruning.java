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

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void prune() {
        jdbc.sql("delete from inbox where event_type = 'DriverPositionReported' and received_at < now() - interval '1 hour'")
                .update();
    }
}
