package dev.hailway.pricing.surge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.hailway.pricing.support.IntegrationSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PositionInboxPruningIT extends IntegrationSupport {

    @Autowired
    PositionInboxPruning pruning;

    @Test
    void forgetsOnlyPositionPingsOlderThanAnHourInBatchesUntilNoneAreLeft() {
        List<UUID> oldPings = IntStream.range(0, PositionInboxPruning.BATCH + 7).mapToObj(i -> UUID.randomUUID()).toList();
        UUID recentPing = UUID.randomUUID();
        UUID oldTripEvent = UUID.randomUUID();
        jdbc.sql("""
                        insert into inbox (event_id, event_type, received_at)
                        select id, 'DriverPositionReported', now() - interval '2 hours' from unnest(:ids) as id
                        """)
                .param("ids", oldPings.toArray(UUID[]::new)).update();
        jdbc.sql("insert into inbox (event_id, event_type, received_at) values (:id, 'DriverPositionReported', now())")
                .param("id", recentPing).update();
        jdbc.sql("insert into inbox (event_id, event_type, received_at) values (:id, 'TripRequested', now() - interval '2 days')")
                .param("id", oldTripEvent).update();

        pruning.prune();

        assertThat(count("select count(*) from inbox where event_type = 'DriverPositionReported' and received_at < now() - interval '1 hour'"))
                .isZero();
        assertThat(count("select count(*) from inbox where event_id = '" + recentPing + "'")).isOne();
        assertThat(count("select count(*) from inbox where event_id = '" + oldTripEvent + "'")).isOne();
    }
}
