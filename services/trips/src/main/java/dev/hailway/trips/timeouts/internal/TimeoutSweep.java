package dev.hailway.trips.timeouts.internal;

import dev.hailway.trips.timeouts.TripTimeouts;
import dev.hailway.trips.trip.TripId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/** One sweep: each overdue trip in its own short transaction, so one bad trip does not hold up the others. */
final class TimeoutSweep implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSweep.class);

    private final TripTimeouts timeouts;
    private final TransactionOperations transactions;

    TimeoutSweep(TripTimeouts timeouts, TransactionOperations transactions) {
        this.timeouts = timeouts;
        this.transactions = transactions;
    }

    @Override
    public void run() {
        try {
            for (TripId trip : timeouts.overdue()) {
                try {
                    transactions.executeWithoutResult(status -> timeouts.timeOut(trip));
                } catch (RuntimeException e) {
                    log.warn("Could not time out trip {}; the next sweep tries again", trip, e);
                }
            }
            transactions.executeWithoutResult(status -> timeouts.flagLateCaptures());
            timeouts.refreshGauges();
        } catch (RuntimeException e) {
            // A scheduled task that throws is not rescheduled by every scheduler; log and keep sweeping.
            log.warn("Timeout sweep failed; the next one tries again", e);
        }
    }
}
