package dev.hailway.pricing.surge.internal;

import dev.hailway.pricing.surge.SurgeRecalculation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionOperations;

/** Recalculates surge on a fixed delay, then empties this instance's cache so quotes see the new round. */
class SurgeSchedule {

    private static final Logger log = LoggerFactory.getLogger(SurgeSchedule.class);

    private final SurgeRecalculation recalculation;
    private final CachedSurges surges;
    private final TransactionOperations transactions;

    SurgeSchedule(SurgeRecalculation recalculation, CachedSurges surges, TransactionOperations transactions) {
        this.recalculation = recalculation;
        this.surges = surges;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${hailway.pricing.surge.interval:30s}",
            initialDelayString = "${hailway.pricing.surge.interval:30s}")
    void run() {
        try {
            recalculateNow();
        } catch (RuntimeException e) {
            // The next round tries again; quotes keep the multipliers of the last good round meanwhile.
            log.warn("surge recalculation failed", e);
        }
    }

    void recalculateNow() {
        var multipliers = transactions.execute(status -> recalculation.recalculate());
        surges.invalidateAll();
        log.debug("surge recalculated: {} cells above 1.00", multipliers == null ? 0 : multipliers.size());
    }
}
