package dev.hailway.payments.ledger.internal;

import dev.hailway.common.api.Money;
import dev.hailway.payments.ledger.JournalEntry;
import dev.hailway.payments.ledger.Ledger;
import dev.hailway.payments.ledger.LedgerAccount;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Read-only views of the ledger: operators check a trip's bookings and any balance, a driver their earnings. */
@RestController
class LedgerController {

    /** Only won so far; every amount in Hailway is KRW. */
    static final String CURRENCY = "KRW";

    record LineView(String account, Money amount) {
    }

    record EntryView(UUID entryId, String kind, Instant bookedAt, List<LineView> lines, Money sum) {

        static EntryView of(JournalEntry entry) {
            String currency = entry.lines().getFirst().amount().currency();
            return new EntryView(entry.id(), entry.kind().name(), entry.bookedAt(),
                    entry.lines().stream().map(line -> new LineView(line.account().name(), line.amount())).toList(),
                    Money.of(entry.sums().getOrDefault(currency, 0L), currency));
        }
    }

    record TripLedger(UUID tripId, List<EntryView> entries) {
    }

    record Balance(String account, Money balance) {
    }

    record Earnings(UUID driverId, Money balance) {
    }

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/payments/ledger/trips/{tripId}")
    @PreAuthorize("hasRole('OPERATOR')")
    TripLedger trip(@PathVariable UUID tripId) {
        return new TripLedger(tripId, ledger.entriesOf(tripId).stream().map(EntryView::of).toList());
    }

    @GetMapping("/api/payments/ledger/balances/{account}")
    @PreAuthorize("hasRole('OPERATOR')")
    Balance balance(@PathVariable String account) {
        if (!LedgerAccount.isValid(account)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid account",
                    "Accounts are platform:clearing, platform:revenue, rider:<id>:card or driver:<id>:earnings.");
        }
        var ledgerAccount = new LedgerAccount(account);
        return new Balance(ledgerAccount.name(), ledger.balance(ledgerAccount, CURRENCY));
    }

    @GetMapping("/api/payments/earnings")
    @PreAuthorize("hasRole('DRIVER')")
    Earnings earnings(@AuthenticationPrincipal Jwt token) {
        UUID driver;
        try {
            driver = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    "The token does not name an account.");
        }
        return new Earnings(driver, ledger.balance(LedgerAccount.driverEarnings(driver), CURRENCY));
    }
}
