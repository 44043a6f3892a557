package dev.hailway.payments.ledger;

import dev.hailway.common.api.Money;
import java.util.Objects;

/** One side of a movement: positive amounts flow into the account, negative ones out of it. */
public record JournalLine(LedgerAccount account, Money amount) {

    public JournalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a journal line moves money; zero is not a movement");
        }
    }
}
