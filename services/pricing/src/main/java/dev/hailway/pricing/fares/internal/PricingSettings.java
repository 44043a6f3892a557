package dev.hailway.pricing.fares.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.pricing.route.*} and the fare rule cache.
 *
 * @param roadFactor      road distance over straight-line distance
 * @param averageSpeedKmh average city driving speed
 * @param fareRulesTtl    how long another instance's fare rule change may take to show here
 */
@ConfigurationProperties("hailway.pricing.route")
record PricingSettings(
        @DefaultValue("1.3") double roadFactor,
        @DefaultValue("24") double averageSpeedKmh,
        @DefaultValue("1m") Duration fareRulesTtl) {
}
