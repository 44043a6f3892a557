package dev.hailway.history.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    final TopicPartition trips0 = new TopicPartition("trips.trips", 0);
    final TopicPartition trips1 = new TopicPartition("trips.trips", 1);
    final TopicPartition empty = new TopicPartition("dispatch.offers", 0);
    final TopicPartition truncated = new TopicPartition("payments.payments", 0);

    final Replay replay = new Replay(NOW, Map.of(
            trips0, new Replay.Range(0, 3),
            trips1, new Replay.Range(0, 1),
            empty, new Replay.Range(0, 0),
            truncated, new Replay.Range(5, 5)));

    @Test
    void isNotCaughtUpBeforeTheConsumerHasRewound() {
        assertThat(replay.caughtUp(NOW)).isFalse();
        assertThat(replay.behind()).isEqualTo(4);
    }

    @Test
    void isCaughtUpOnceTheLastRecordOfEveryPartitionBeforeTheStartIsApplied() {
        replay.rewound();
        replay.applied(trips0, 0);
        replay.applied(trips0, 1);
        assertThat(replay.behind()).isEqualTo(2);
        assertThat(replay.caughtUp(NOW)).isFalse();

        replay.applied(trips0, 2);
        replay.applied(trips1, 0);

        assertThat(replay.behind()).isZero();
        assertThat(replay.caughtUp(NOW.plusSeconds(5))).isTrue();
        assertThat(replay.caughtUpAt()).isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void recordsWrittenAfterTheStartDoNotHoldItBack() {
        replay.rewound();
        replay.applied(trips0, 2);
        replay.applied(trips1, 7);

        assertThat(replay.caughtUp(NOW)).isTrue();
    }
}
