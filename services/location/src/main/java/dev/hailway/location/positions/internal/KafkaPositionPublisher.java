package dev.hailway.location.positions.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.hailway.location.api.DriverPositionReported;
import dev.hailway.location.api.LocationTopics;
import dev.hailway.location.positions.PositionPublisher;
import dev.hailway.location.positions.PositionsNotRecorded;
import dev.hailway.platform.events.EventEnvelope;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Straight to Kafka, not through the outbox. Positions are hot-path data (a ping every ~4 s per driver) and each
 * one supersedes the last: storing every ping in PostgreSQL first would cost a write per ping for nothing, and a
 * ping lost in a crash is replaced by the next one seconds later. The topic is compacted, so it holds the latest
 * position per driver, and it is the index's source of truth after a restart.
 *
 * <p>The request waits for the broker's acknowledgement, within its patience: a ping answered 202 is on the log.
 * While the broker keeps failing, the circuit breaker refuses at once instead of letting every request wait out its
 * patience (and hold its driver's lock meanwhile).
 */
final class KafkaPositionPublisher implements PositionPublisher {

    private static final Logger log = LoggerFactory.getLogger(KafkaPositionPublisher.class);

    private final KafkaTemplate<Object, Object> kafka;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final Duration retryAfter;

    KafkaPositionPublisher(KafkaTemplate<Object, Object> kafka, ObjectMapper mapper, Clock clock,
                           CircuitBreaker breaker, Duration retryAfter) {
        this.kafka = kafka;
        this.mapper = mapper;
        this.clock = clock;
        this.breaker = breaker;
        this.retryAfter = retryAfter;
    }

    @Override
    public void publish(List<DriverPositionReported> positions, Duration patience) {
        List<byte[]> values = positions.stream().map(position -> mapper.writeValueAsBytes(
                EventEnvelope.wrap(position.driverId().toString(), position, clock.instant(), null, mapper))).toList();
        if (!breaker.tryAcquirePermission()) {
            throw new PositionsNotRecorded("the position log is unavailable", retryAfter);
        }
        long started = System.nanoTime();
        try {
            CompletableFuture<?>[] sends = new CompletableFuture<?>[positions.size()];
            for (int i = 0; i < sends.length; i++) {
                // Blocks at most max.block.ms (location's application.yml) when the broker's metadata is missing.
                sends[i] = kafka.send(LocationTopics.POSITIONS, positions.get(i).driverId().toString(), values.get(i));
            }
            long left = patience.toNanos() - (System.nanoTime() - started);
            CompletableFuture.allOf(sends).get(Math.max(0, left), TimeUnit.NANOSECONDS);
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            throw new PositionsNotRecorded("interrupted while recording positions", retryAfter, e);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            log.warn("{} position(s) of driver {} not confirmed by Kafka within {}: {}", positions.size(),
                    positions.getFirst().driverId(), patience, cause.toString());
            throw new PositionsNotRecorded("the position log did not confirm the positions in time", retryAfter, e);
        }
    }
}
