package dev.hailway.history.earnings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentCaptured;

/** Which payment events are a driver's earnings, and on which day. */
public final class EarningsProjection {

    /** Drivers' days are Korean days: a ride at 01:00 KST belongs to that date, not to the UTC one before. */
    public static final ZoneId DAYS = ZoneId.of("Asia/Seoul");

    private EarningsProjection() {
    }

    public static Optional<EarningsEntry> apply(Object event) {
        return switch (event) {
            case PaymentCaptured e when e.driverId() != null ->
                    Optional.of(new EarningsEntry(e.driverId(), dayOf(e.at()), 1, e.driverEarnings()));
            case CancellationFeeCharged e when e.driverId() != null && !e.driverEarnings().isZero() ->
                    Optional.of(new EarningsEntry(e.driverId(), dayOf(e.at()), 0, e.driverEarnings()));
            default -> Optional.empty();
        };
    }

    public static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, DAYS);
    }
}
