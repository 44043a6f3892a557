package dev.hailway.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.hailway.platform.events.EventsTestApplication.AccountRegistered;
import dev.hailway.platform.events.EventsTestApplication.FlakyKafkaTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The gauges the outbox and dead-letter alerts watch, against the real outbox table and Kafka topics. */
@EventsIntegration
class EventsMetricsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    Events events;
    @Autowired
    FlakyKafkaTemplate kafka;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    MeterRegistry registry;

    @AfterEach
    void tearDown() {
        kafka.failuresLeft.set(0);
    }

    @Test
    void aPublicationKafkaDidNotTakeShowsInTheOutboxGaugesUntilItIsResent() {
        await().atMost(TIMEOUT).until(() -> gauge("hailway.events.outbox.incomplete") == 0.0);
        // The context, and so the template's count of failed sends, is shared with the other events ITs.
        int failedBefore = kafka.failed.get();
        kafka.failuresLeft.set(1);

        String account = "acc-" + UUID.randomUUID();
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                events.publish("it.accounts", account, new AccountRegistered(account, account + "@example.com")));

        await().atMost(TIMEOUT).until(() -> gauge("hailway.events.outbox.incomplete") == 1.0
                && gauge("hailway.events.outbox.oldest.age") > 0.0);
        // Then the resubmission sends it, and nothing is owed any more.
        await().atMost(TIMEOUT).until(() -> gauge("hailway.events.outbox.incomplete") == 0.0
                && gauge("hailway.events.outbox.oldest.age") == 0.0);
        assertThat(kafka.failed).hasValue(failedBefore + 1);
    }

    @Test
    void aRecordSentToADeadLetterTopicIsCountedOnThatTopic() throws Exception {
        await().atMost(TIMEOUT).until(() -> !Double.isNaN(deadLetters("it.poison.DLT")));
        double before = deadLetters("it.poison.DLT");

        kafka.send("it.poison", "poison-" + UUID.randomUUID(), "{not json".getBytes(StandardCharsets.UTF_8))
                .get(30, TimeUnit.SECONDS);

        await().atMost(TIMEOUT).until(() -> deadLetters("it.poison.DLT") == before + 1);
        assertThat(registry.find("hailway.events.dead.letters").gauges())
                .as("one gauge per dead-letter topic of the service's own topics")
                .extracting(g -> g.getId().getTag("topic"))
                .containsExactlyInAnyOrder("it.accounts.DLT", "it.inbox.DLT", "it.failing.DLT", "it.poison.DLT");
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double deadLetters(String topic) {
        return registry.get("hailway.events.dead.letters").tag("topic", topic).gauge().value();
    }
}
