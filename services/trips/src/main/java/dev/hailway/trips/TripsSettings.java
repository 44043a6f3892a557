package dev.hailway.trips;

import dev.hailway.trips.trip.Deadlines;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.trips.*}.
 *
 * @param cancellationFee what a rider pays, in minor units of the fare's currency, for cancelling once a driver is
 *                        on the way (never more than the fare)
 */
@ConfigurationProperties("hailway.trips")
public record TripsSettings(@DefaultValue("3000") long cancellationFee, @DefaultValue Timeouts timeouts) {

    public TripsSettings {
        if (cancellationFee < 0) {
            throw new IllegalArgumentException("cancellation fee must not be negative, was " + cancellationFee);
        }
    }

    /** @param sweepInterval how often overdue trips are looked for */
    public record Timeouts(@DefaultValue("60s") Duration payment, @DefaultValue("5m") Duration dispatch,
                           @DefaultValue("30m") Duration pickup, @DefaultValue("10m") Duration capture,
                           @DefaultValue("5s") Duration sweepInterval) {

        public Deadlines deadlines() {
            return new Deadlines(payment, dispatch, pickup, capture);
        }
    }
}
