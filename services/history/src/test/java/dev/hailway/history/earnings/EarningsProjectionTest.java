package dev.hailway.history.earnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dev.hailway.common.api.Money;
import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentReleased;
import org.junit.jupiter.api.Test;

class EarningsProjectionTest {

    final UUID trip = UUID.randomUUID();
    final UUID rider = UUID.randomUUID();
    final UUID driver = UUID.randomUUID();

    @Test
    void aCaptureIsATripAndItsEarningsOnTheKoreanDay() {
        // 16:30 UTC is 01:30 the next day in Seoul.
        Instant at = Instant.parse("2026-11-25T16:30:00Z");
        var captured = new PaymentCaptured(trip, rider, driver, Money.of(20_000, "KRW"), Money.of(4_000, "KRW"),
                Money.of(16_000, "KRW"), at);

        assertThat(EarningsProjection.apply(captured)).contains(
                new EarningsEntry(driver, LocalDate.of(2026, 11, 26), 1, Money.of(16_000, "KRW")));
    }

    @Test
    void aCancellationFeeIsEarningsButNoTrip() {
        var fee = new CancellationFeeCharged(trip, rider, driver, Money.of(3_000, "KRW"), Money.of(2_400, "KRW"),
                Instant.parse("2026-11-25T03:00:00Z"));

        assertThat(EarningsProjection.apply(fee)).contains(
                new EarningsEntry(driver, LocalDate.of(2026, 11, 25), 0, Money.of(2_400, "KRW")));
    }

    @Test
    void releasesAndFeesWithoutADriverShareEarnNothing() {
        assertThat(EarningsProjection.apply(new PaymentReleased(trip, rider, Money.of(9_000, "KRW"), Instant.now()))).isEmpty();
        assertThat(EarningsProjection.apply(new CancellationFeeCharged(trip, rider, driver, Money.of(1_000, "KRW"),
                Money.zero("KRW"), Instant.now()))).isEmpty();
    }
}
