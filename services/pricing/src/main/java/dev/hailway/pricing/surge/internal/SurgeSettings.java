package dev.hailway.pricing.surge.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.pricing.surge.*}.
 *
 * @param interval     how often surge is recalculated
 * @param demandWindow quotes and trip requests counted as demand are at most this old
 * @param supplyWindow a driver counts as supply when online and seen (a position) at most this long ago
 * @param sensitivity  k in {@code 1 + k × (demand/supply − 1)}
 * @param smoothing    the share of the gap to the target a round closes
 * @param ceiling      the highest multiplier
 */
@ConfigurationProperties("hailway.pricing.surge")
record SurgeSettings(
        @DefaultValue("30s") Duration interval,
        @DefaultValue("10m") Duration demandWindow,
        @DefaultValue("2m") Duration supplyWindow,
        @DefaultValue("0.5") BigDecimal sensitivity,
        @DefaultValue("0.5") BigDecimal smoothing,
        @DefaultValue("3.0") BigDecimal ceiling) {
}
