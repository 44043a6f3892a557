package dev.hailway.location;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.location.*}.
 *
 * @param h3Resolution   cell size of the geo index (9: edges of about 175 m, so a ring is a short walk)
 * @param staleAfter     a driver whose last position is older than this is not offered to anyone (lost GPS)
 * @param maxSpeedKmh    a ping implying a faster move from the previous accepted one is rejected
 * @param maxFutureSkew  how far in the future a ping's {@code at} may be (device clocks drift)
 * @param maxBatch       pings per request
 */
@ConfigurationProperties("hailway.location")
public record LocationSettings(
        @DefaultValue("9") int h3Resolution,
        @DefaultValue("60s") Duration staleAfter,
        @DefaultValue("250") double maxSpeedKmh,
        @DefaultValue("30s") Duration maxFutureSkew,
        @DefaultValue("100") int maxBatch) {
}
