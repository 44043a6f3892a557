package dev.hailway.platform.events.internal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A record on a {@code .DLT} topic, as the {@code deadletters} endpoint shows it. */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        String originalTopic,
        @Nullable String key,
        @Nullable String exceptionClass,
        @Nullable String exceptionMessage,
        Instant timestamp,
        @Nullable String value) {
}
