package dev.hailway.gateway.overload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's bulkhead on proxied requests.
 *
 * @param maxInFlight proxied requests a gateway serves at once; the next one is refused with 503 at once, before it
 *                    queues behind slow services and takes the admitted ones' latency with it
 *                    ({@code HAILWAY_GATEWAY_OVERLOAD_MAX_IN_FLIGHT})
 * @param retryAfter what a refused client is told to wait ({@code Retry-After}, whole seconds, at least one)
 */
@ConfigurationProperties("hailway.gateway.overload")
public record OverloadProperties(@DefaultValue("400") int maxInFlight, @DefaultValue("1s") Duration retryAfter) {

    public OverloadProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("hailway.gateway.overload.max-in-flight must be at least 1");
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("hailway.gateway.overload.retry-after must not be negative");
        }
    }

    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
