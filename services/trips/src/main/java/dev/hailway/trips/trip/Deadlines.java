package dev.hailway.trips.trip;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a trip may wait in a step before it is moved on.
 *
 * @param payment  REQUESTED without a payment answer → cancelled, timed out
 * @param dispatch PAYMENT_AUTHORIZED without a driver → cancelled, no driver
 * @param pickup   DRIVER_ASSIGNED or DRIVER_ARRIVED without progress → cancelled, timed out
 * @param capture  COMPLETED without a capture → flagged for operators (the ride happened: never cancelled)
 */
public record Deadlines(Duration payment, Duration dispatch, Duration pickup, Duration capture) {

    public Deadlines {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(capture, "capture");
    }
}
