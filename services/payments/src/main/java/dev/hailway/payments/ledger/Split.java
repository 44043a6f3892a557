package dev.hailway.payments.ledger;

import dev.hailway.common.api.Money;
import java.util.Objects;

/** How a charged amount divides: the platform's commission and the driver's earnings. */
public record Split(Money commission, Money driverEarnings) {

    public Split {
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(driverEarnings, "driverEarnings");
        if (commission.isNegative() || driverEarnings.isNegative()) {
            throw new IllegalArgumentException("a split has no negative parts");
        }
        if (!commission.currency().equals(driverEarnings.currency())) {
            throw new IllegalArgumentException("a split has one currency");
        }
    }

    public Money total() {
        return commission.plus(driverEarnings);
    }
}
