package dev.hailway.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@EventsIntegration
class InboxPruningIT {

    @Autowired
    Inbox inbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void forgetsTheIdsOfEventsReceivedBeforeTheCutoffAndKeepsTheRecentOnes() {
        Instant now = Instant.now();
        UUID old = receivedAt(now.minus(Duration.ofDays(9)));
        UUID older = receivedAt(now.minus(Duration.ofDays(30)));
        UUID recent = receivedAt(now.minus(Duration.ofDays(1)));

        int pruned = inbox.pruneReceivedBefore(now.minus(Duration.ofDays(8)));

        assertThat(pruned).isGreaterThanOrEqualTo(2);
        assertThat(ids(old, older, recent)).containsExactly(recent);
    }

    @Test
    void anEventWhoseIdWasKeptIsStillAppliedOnlyOnce() {
        var envelope = new EventEnvelope(TimeOrderedIds.next(), "ThingHappened", 1, Instant.now(), "thing-1", null,
                tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        assertThat(inbox.apply(envelope, () -> { })).isTrue();

        inbox.pruneReceivedBefore(Instant.now().minus(Duration.ofDays(8)));

        assertThat(inbox.apply(envelope, () -> { })).as("redelivered after a pruning run").isFalse();
    }

    private UUID receivedAt(Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO inbox (event_id, event_type, received_at) VALUES (:id, 'ThingHappened', :at)")
                .param("id", id).param("at", Timestamp.from(at)).update();
        return id;
    }

    private java.util.List<UUID> ids(UUID... candidates) {
        return jdbc.sql("SELECT event_id FROM inbox WHERE event_id IN (:ids) ORDER BY received_at")
                .param("ids", java.util.List.of(candidates)).query(UUID.class).list();
    }
}
