package dev.hailway.dispatch.matching.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hailway.dispatch.*}.
 *
 * @param offerTimeout  how long a driver has to answer
 * @param maxRefusals   declined or expired offers after which dispatch gives up on a trip
 * @param deadline      how long after the dispatch request dispatch gives up
 * @param retryEvery    how long to wait before asking location again when nobody could be offered the trip
 * @param sweepInterval how often expired offers and due attempts are looked for
 */
@ConfigurationProperties("hailway.dispatch")
record DispatchSettings(
        @DefaultValue("15s") Duration offerTimeout,
        @DefaultValue("5") int maxRefusals,
        @DefaultValue("2m") Duration deadline,
        @DefaultValue("3s") Duration retryEvery,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue Location location) {

    /**
     * The call to location's {@code /internal/drivers/nearby}.
     *
     * @param url              location's base URL ({@code HAILWAY_SERVICES_LOCATION_URL})
     * @param timeout          for one HTTP call, connecting and reading
     * @param retries          further tries after a failed call, {@code backoff} apart and doubling
     * @param failureRate      percentage of failed calls, over the last {@code window} calls, that opens the breaker
     * @param openFor          how long the breaker stays open before it lets one trial call through
     */
    record Location(
            @DefaultValue("http://localhost:8083") URI url,
            @DefaultValue("5000") int radiusMeters,
            @DefaultValue("10") int k,
            @DefaultValue("2s") Duration timeout,
            @DefaultValue("2") int retries,
            @DefaultValue("200ms") Duration backoff,
            @DefaultValue("50") int failureRate,
            @DefaultValue("10") int window,
            @DefaultValue("10s") Duration openFor) {
    }
}
