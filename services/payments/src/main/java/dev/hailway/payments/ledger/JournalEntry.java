package dev.hailway.payments.ledger;

import dev.hailway.common.api.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A balanced set of movements booked at once. Every entry sums to zero in each currency: money is only ever
 * moved between accounts, never made or lost. The database checks the same when the entry commits.
 */
public record JournalEntry(UUID id, UUID tripId, EntryKind kind, List<JournalLine> lines, Instant bookedAt) {

    public JournalEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bookedAt, "bookedAt");
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("an entry has at least two lines");
        }
        Map<String, Long> sums = sums(lines);
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("entry does not balance: " + currency + " sums to " + sum);
            }
        });
    }

    /**
     * Money taken from a rider's card for a trip, split between the driver and the platform: card → clearing
     * (all of it), clearing → driver earnings (all but the commission), clearing → platform revenue (the
     * commission). Lines of zero are left out; without a driver, the platform keeps everything.
     */
    public static JournalEntry charge(EntryKind kind, UUID tripId, UUID riderId, UUID driverId, Split split,
                                      Instant at) {
        Money total = split.total();
        List<JournalLine> lines = new ArrayList<>();
        lines.add(new JournalLine(LedgerAccount.riderCard(riderId), total.negate()));
        lines.add(new JournalLine(LedgerAccount.CLEARING, total));
        if (!split.driverEarnings().isZero()) {
            Objects.requireNonNull(driverId, "driverId: the driver's part needs a driver");
            lines.add(new JournalLine(LedgerAccount.CLEARING, split.driverEarnings().negate()));
            lines.add(new JournalLine(LedgerAccount.driverEarnings(driverId), split.driverEarnings()));
        }
        if (!split.commission().isZero()) {
            lines.add(new JournalLine(LedgerAccount.CLEARING, split.commission().negate()));
            lines.add(new JournalLine(LedgerAccount.REVENUE, split.commission()));
        }
        return new JournalEntry(UUID.randomUUID(), tripId, kind, lines, at);
    }

    /** Per currency, always zero for an entry that exists. */
    public Map<String, Long> sums() {
        return sums(lines);
    }

    private static Map<String, Long> sums(List<JournalLine> lines) {
        Map<String, Long> sums = new HashMap<>();
        for (JournalLine line : lines) {
            sums.merge(line.amount().currency(), line.amount().amount(), Math::addExact);
        }
        return sums;
    }
}
