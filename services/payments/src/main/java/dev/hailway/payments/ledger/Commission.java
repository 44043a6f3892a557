package dev.hailway.payments.ledger;

import dev.hailway.common.api.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The platform's share of what a rider pays, e.g. 20%. Rounded down to a whole minor unit, so that any fraction
 * of a won goes to the driver, never to the platform.
 */
public record Commission(BigDecimal rate) {

    public Commission {
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("commission rate must be within [0, 1], was " + rate);
        }
    }

    public Split split(Money amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot split a negative amount");
        }
        long commission = BigDecimal.valueOf(amount.amount()).multiply(rate).setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        return new Split(Money.of(commission, amount.currency()), Money.of(amount.amount() - commission,
                amount.currency()));
    }

    /** Without a driver (a fee before anyone was assigned) the platform keeps the whole amount. */
    public static Split platformOnly(Money amount) {
        return new Split(amount, Money.zero(amount.currency()));
    }
}
