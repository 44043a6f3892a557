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
 * @param publishing     how long a ping request waits for the position log, and what happens when it is down
 */
@ConfigurationProperties("hailway.location")
public record LocationSettings(
        @DefaultValue("9") int h3Resolution,
        @DefaultValue("60s") Duration staleAfter,
        @DefaultValue("250") double maxSpeedKmh,
        @DefaultValue("30s") Duration maxFutureSkew,
        @DefaultValue("100") int maxBatch,
        @DefaultValue Publishing publishing) {

    /**
     * {@code hailway.location.publishing.*}. A ping request is answered within {@code timeout}; while the log keeps
     * failing (half of the last {@code window} requests, at least {@code minimumCalls}), requests are refused at
     * once for {@code openFor}, which is also their {@code Retry-After}.
     *
     * @param timeout      the most a request waits for its driver's previous request and the log's confirmation
     *                     together; well under the gateway's and the clients' 10 s
     * @param window       how many recent requests the failure rate is taken over
     * @param minimumCalls how many must have been made before the rate counts
     * @param openFor      how long requests are refused at once after the log failed, before one tries again
     */
    public record Publishing(
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("10") int window,
            @DefaultValue("3") int minimumCalls,
            @DefaultValue("5s") Duration openFor) {
    }
}
