package dev.hailway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hailway.platform.testing.EmbeddedInfrastructure;
import dev.hailway.platform.web.internal.IdempotencyStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keys past their retention (here 1 h) are deleted on a schedule (here every 300 ms); younger ones stay. */
@SpringBootTest(classes = WebTestApplication.class, properties = {"hailway.logging.format=plain",
        "hailway.web.idempotency.retention=1h", "hailway.web.idempotency.prune-every=300ms"})
@EmbeddedInfrastructure(database = "web", kafka = false)
class IdempotencyPruningIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdempotencyStore store;

    private final String caller = "pruning-" + UUID.randomUUID();

    @Test
    void theScheduleDeletesKeysOlderThanTheRetentionAndKeepsYoungerOnes() {
        insert("old-completed", "COMPLETED", "2 hours");
        insert("old-abandoned", "IN_FLIGHT", "61 minutes");
        insert("recent-completed", "COMPLETED", "59 minutes");
        insert("fresh", "IN_FLIGHT", "0 seconds");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(keys()).containsExactlyInAnyOrder("recent-completed", "fresh"));
    }

    @Test
    void severalInstancesPruningAtOnceDeleteEveryExpiredKeyAndNothingElse() throws Exception {
        // More than two batches, so that the batching loop and SKIP LOCKED both have work.
        jdbc.sql("""
                        INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, state, created_at)
                        SELECT :caller, 'expired-' || n, 'hash', 'COMPLETED', now() - interval '3 hours'
                        FROM generate_series(1, 2500) AS n""")
                .param("caller", caller)
                .update();
        insert("kept", "COMPLETED", "10 minutes");

        Callable<Integer> prune = store::pruneExpired;
        List<Future<Integer>> runs = new ArrayList<>();
        try (var instances = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                runs.add(instances.submit(prune));
            }
        }
        for (Future<Integer> run : runs) {
            run.get();
        }

        // The schedule may have deleted some of them too; what matters is that all are gone and the young one is not.
        assertThat(keys()).containsExactly("kept");
    }

    private void insert(String key, String state, String age) {
        jdbc.sql("""
                        INSERT INTO idempotency_keys (caller, idempotency_key, request_hash, state, created_at)
                        VALUES (:caller, :key, 'hash', :state, now() - CAST(:age AS interval))""")
                .param("caller", caller)
                .param("key", key)
                .param("state", state)
                .param("age", age)
                .update();
    }

    private List<String> keys() {
        return jdbc.sql("SELECT idempotency_key FROM idempotency_keys WHERE caller = :caller")
                .param("caller", caller)
                .query(String.class)
                .list();
    }
}
