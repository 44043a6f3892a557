package dev.hailway.payments.ledger.internal;

import dev.hailway.common.api.Money;
import dev.hailway.payments.ledger.EntryKind;
import dev.hailway.payments.ledger.JournalEntry;
import dev.hailway.payments.ledger.JournalLine;
import dev.hailway.payments.ledger.Ledger;
import dev.hailway.payments.ledger.LedgerAccount;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts only: the tables refuse UPDATE, DELETE and TRUNCATE, and a deferred constraint trigger refuses, at
 * commit, any entry whose lines do not sum to zero (see V3__ledger.sql).
 */
final class JdbcLedger implements Ledger {

    private final JdbcClient jdbc;

    JdbcLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void post(JournalEntry entry) {
        try {
            jdbc.sql("insert into journal_entries (id, trip_id, kind, booked_at) values (:id, :trip, :kind, :at)")
                    .param("id", entry.id())
                    .param("trip", entry.tripId())
                    .param("kind", entry.kind().name())
                    .param("at", OffsetDateTime.ofInstant(entry.bookedAt(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("trip " + entry.tripId() + " already has a " + entry.kind() + " entry", e);
        }
        // All lines in one statement (one round trip); the deferred trigger still checks the balance at commit.
        List<JournalLine> lines = entry.lines();
        jdbc.sql("""
                insert into journal_lines (entry_id, position, account, amount, currency)
                select :entry, line.position - 1, line.account, line.amount, line.currency
                from unnest(:accounts, :amounts, :currencies) with ordinality as line(account, amount, currency, position)
                """)
                .param("entry", entry.id())
                .param("accounts", lines.stream().map(line -> line.account().name()).toArray(String[]::new))
                .param("amounts", lines.stream().map(line -> line.amount().amount()).toArray(Long[]::new))
                .param("currencies", lines.stream().map(line -> line.amount().currency()).toArray(String[]::new))
                .update();
    }

    @Override
    public List<JournalEntry> entriesOf(UUID tripId) {
        record Row(UUID id, EntryKind kind, OffsetDateTime at, String account, long amount, String currency) {
        }
        List<Row> rows = jdbc.sql("""
                select e.id, e.kind, e.booked_at, l.account, l.amount, l.currency
                from journal_entries e join journal_lines l on l.entry_id = e.id
                where e.trip_id = :trip
                order by e.booked_at, e.id, l.position
                """)
                .param("trip", tripId)
                .query((row, n) -> new Row(row.getObject("id", UUID.class), EntryKind.valueOf(row.getString("kind")),
                        row.getObject("booked_at", OffsetDateTime.class), row.getString("account"),
                        row.getLong("amount"), row.getString("currency")))
                .list();
        Map<UUID, List<Row>> byEntry = new LinkedHashMap<>();
        rows.forEach(row -> byEntry.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        return byEntry.values().stream().map(lines -> {
            Row first = lines.getFirst();
            return new JournalEntry(first.id(), tripId, first.kind(), lines.stream()
                    .map(line -> new JournalLine(new LedgerAccount(line.account()), Money.of(line.amount(), line.currency())))
                    .toList(), first.at().toInstant());
        }).toList();
    }

    @Override
    public Money balance(LedgerAccount account, String currency) {
        long sum = jdbc.sql("select coalesce(sum(amount), 0) from journal_lines where account = :account and currency = :currency")
                .param("account", account.name()).param("currency", currency).query(Long.class).single();
        return Money.of(sum, currency);
    }
}
