package dev.hailway.pricing.quotes.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.pricing.quotes.*}.
 *
 * @param validity          how long a quote can be used to request a trip
 * @param maxDistanceMeters longer rides (by road estimate) are refused
 * @param roundTo           fares are rounded to this many minor units
 * @param keys              when the quote-signing key rotates
 */
@ConfigurationProperties("hailway.pricing.quotes")
record QuoteSettings(
        @DefaultValue("2m") Duration validity,
        @DefaultValue("200000") long maxDistanceMeters,
        @DefaultValue("100") long roundTo,
        @DefaultValue Keys keys) {

    /**
     * @param rotationInterval a new signing key after this long
     * @param checkInterval    how often each instance reloads the keys and rotates when due
     */
    record Keys(
            @DefaultValue("24h") Duration rotationInterval,
            @DefaultValue("1m") Duration checkInterval) {
    }
}
