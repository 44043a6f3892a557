package dev.hailway.history.earnings;

import java.time.LocalDate;

import dev.hailway.common.api.Money;

/** A driver's day (Asia/Seoul): paid trips and what they earned, cancellation fees included. */
public record DailyEarnings(LocalDate day, int trips, Money earnings) {
}
