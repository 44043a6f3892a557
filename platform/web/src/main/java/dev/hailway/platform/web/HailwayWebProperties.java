package dev.hailway.platform.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code hailway.web.*}.
 *
 * @param maxBodySize  larger request bodies get 413 {@code payload-too-large}
 * @param idempotency  how long idempotency keys live
 */
@ConfigurationProperties("hailway.web")
public record HailwayWebProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue Idempotency idempotency) {

    /**
     * @param inFlightTimeout after this, a key still in flight is taken to be abandoned (its process died) and
     *                        may be used again
     * @param retention       a completed key is replayed for this long, then forgotten
     * @param pruneEvery      how often each instance deletes the keys past their retention
     */
    public record Idempotency(
            @DefaultValue("60s") Duration inFlightTimeout,
            @DefaultValue("24h") Duration retention,
            @DefaultValue("1h") Duration pruneEvery) {

        public Idempotency {
            // Pruning deletes by age: a retention shorter than a request may be in flight would drop live claims.
            if (retention != null && inFlightTimeout != null && retention.compareTo(inFlightTimeout) <= 0) {
                throw new IllegalArgumentException(
                        "hailway.web.idempotency.retention must be longer than its in-flight-timeout");
            }
        }
    }
}
