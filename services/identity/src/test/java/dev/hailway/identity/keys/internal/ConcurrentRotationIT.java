package dev.hailway.identity.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.keys.KeyPairs;
import dev.hailway.identity.keys.KeyRotation;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Two instances rotating (or making the first key) at the same moment still leave exactly one active key. */
@SpringBootTest
@EmbeddedInfrastructure(database = "identity")
class ConcurrentRotationIT {

    private static final KeyPair PAIR = KeyPairs.rsa2048().generate();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionOperations transactions;

    @Test
    void racingInstancesLeaveExactlyOneActiveKey() throws Exception {
        jdbc.sql("delete from signing_keys").update();
        var barrier = new CyclicBarrier(2);
        List<Callable<Integer>> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            // Each "instance" has its own rotation over the same database, as two JVMs would.
            var rotation = new KeyRotation(new JdbcSigningKeys(jdbc), () -> PAIR, Clock.systemUTC(),
                    Duration.ofHours(24), Duration.ofMinutes(15), Duration.ofSeconds(30));
            instances.add(() -> {
                barrier.await();
                transactions.execute(status -> rotation.ensureActive());
                for (int round = 0; round < 5; round++) {
                    transactions.execute(status -> rotation.rotate());
                }
                return 0;
            });
        }

        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var result : pool.invokeAll(instances)) {
                result.get();
            }
        }

        assertThat(count("state = 'ACTIVE'")).isEqualTo(1);
        // One first key plus ten rotations: neither instance made a first key the other did not see.
        assertThat(count("true")).isEqualTo(11);
    }

    private long count(String where) {
        return jdbc.sql("select count(*) from signing_keys where " + where).query(Long.class).single();
    }
}
