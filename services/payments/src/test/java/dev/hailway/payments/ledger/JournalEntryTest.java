package dev.hailway.payments.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.common.api.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final UUID TRIP = UUID.randomUUID();
    private static final UUID RIDER = UUID.randomUUID();
    private static final UUID DRIVER = UUID.randomUUID();

    @Test
    void aChargeMovesTheAmountFromTheCardThroughClearingToTheDriverAndThePlatform() {
        var split = new Commission(new BigDecimal("0.20")).split(krw(15_600));

        var entry = JournalEntry.charge(EntryKind.FARE_CAPTURE, TRIP, RIDER, DRIVER, split, Instant.now());

        assertThat(entry.lines()).containsExactly(
                new JournalLine(LedgerAccount.riderCard(RIDER), krw(-15_600)),
                new JournalLine(LedgerAccount.CLEARING, krw(15_600)),
                new JournalLine(LedgerAccount.CLEARING, krw(-12_480)),
                new JournalLine(LedgerAccount.driverEarnings(DRIVER), krw(12_480)),
                new JournalLine(LedgerAccount.CLEARING, krw(-3_120)),
                new JournalLine(LedgerAccount.REVENUE, krw(3_120)));
        assertThat(entry.sums()).isEqualTo(Map.of("KRW", 0L));
    }

    @Test
    void withoutADriverThePlatformKeepsAFee() {
        var entry = JournalEntry.charge(EntryKind.CANCELLATION_FEE, TRIP, RIDER, null, Commission.platformOnly(krw(3_000)),
                Instant.now());

        assertThat(entry.lines()).extracting(line -> line.account().name())
                .containsExactly("rider:" + RIDER + ":card", "platform:clearing", "platform:clearing", "platform:revenue");
        assertThat(entry.sums()).isEqualTo(Map.of("KRW", 0L));
    }

    @Test
    void anEntryThatDoesNotSumToZeroIsRefused() {
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), TRIP, EntryKind.FARE_CAPTURE, List.of(
                new JournalLine(LedgerAccount.riderCard(RIDER), krw(-100)),
                new JournalLine(LedgerAccount.CLEARING, krw(99))), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance");
    }

    @Test
    void anEntryBalancesPerCurrencyNotAcrossCurrencies() {
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), TRIP, EntryKind.FARE_CAPTURE, List.of(
                new JournalLine(LedgerAccount.riderCard(RIDER), krw(-100)),
                new JournalLine(LedgerAccount.CLEARING, Money.of(100, "USD"))), Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEntryNeedsTwoLinesAndNoLineOfZero() {
        assertThatThrownBy(() -> new JournalEntry(UUID.randomUUID(), TRIP, EntryKind.FARE_CAPTURE, List.of(),
                Instant.now())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JournalLine(LedgerAccount.CLEARING, krw(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountNamesFollowTheirPattern() {
        assertThat(LedgerAccount.isValid("platform:revenue")).isTrue();
        assertThat(LedgerAccount.isValid("driver:" + DRIVER + ":earnings")).isTrue();
        assertThat(LedgerAccount.isValid("driver:someone:earnings")).isFalse();
        assertThat(LedgerAccount.isValid("platform:cash")).isFalse();
    }

    private static Money krw(long amount) {
        return Money.of(amount, "KRW");
    }
}
