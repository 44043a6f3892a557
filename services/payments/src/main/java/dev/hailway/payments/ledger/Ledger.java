package dev.hailway.payments.ledger;

import dev.hailway.common.api.Money;
import java.util.List;
import java.util.UUID;

/** The append-only journal; balances are sums of lines, never stored. */
public interface Ledger {

    /**
     * Books the entry.
     *
     * @throws IllegalStateException when the trip already has an entry of this kind
     */
    void post(JournalEntry entry);

    /** Oldest first. */
    List<JournalEntry> entriesOf(UUID tripId);

    Money balance(LedgerAccount account, String currency);
}
