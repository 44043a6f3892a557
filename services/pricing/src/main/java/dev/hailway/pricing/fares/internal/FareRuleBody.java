package dev.hailway.pricing.fares.internal;

import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.fares.FareRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** {@code PUT /api/quotes/fare-rules/{vehicleClass}}: amounts in minor units, KRW only for now. */
record FareRuleBody(@NotNull @Valid Amount base, @NotNull @Valid Amount perKilometre, @NotNull @Valid Amount perMinute) {

    record Amount(@NotNull @PositiveOrZero @Max(10_000_000) Long amount,
                  @NotNull @Pattern(regexp = "KRW", message = "must be KRW") String currency) {

        Money toMoney() {
            return Money.of(amount, currency);
        }
    }

    FareRule toRule(VehicleClass vehicleClass) {
        return new FareRule(vehicleClass, base.toMoney(), perKilometre.toMoney(), perMinute.toMoney());
    }

    static FareRuleBody of(FareRule rule) {
        return new FareRuleBody(new Amount(rule.base().amount(), rule.currency()),
                new Amount(rule.perKilometre().amount(), rule.currency()),
                new Amount(rule.perMinute().amount(), rule.currency()));
    }
}
