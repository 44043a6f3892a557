package dev.hailway.platform.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.messaging.Message;

/** A minimal service: one table, the outbox, and listeners that use the inbox or keep failing. */
@SpringBootConfiguration
@EnableAutoConfiguration
class EventsTestApplication {

    record AccountRegistered(String accountId, String email) {
    }

    /** Replaces Boot's template so a test can make the outbox's next sends fail, as with a broker that is down. */
    static class FlakyKafkaTemplate extends KafkaTemplate<Object, Object> {

        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();

        FlakyKafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
            super(producerFactory);
        }

        @Override
        public CompletableFuture<SendResult<Object, Object>> send(Message<?> message) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                failed.incrementAndGet();
                return CompletableFuture.failedFuture(new KafkaException("broker unavailable (test)"));
            }
            return super.send(message);
        }
    }

    @Bean
    FlakyKafkaTemplate kafkaTemplate(ProducerFactory<Object, Object> producerFactory,
                                     RecordMessageConverter messageConverter) {
        FlakyKafkaTemplate template = new FlakyKafkaTemplate(producerFactory);
        template.setMessageConverter(messageConverter);
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    Listeners listeners(Inbox inbox, JdbcClient jdbc) {
        return new Listeners(inbox, jdbc);
    }

    static class Listeners {

        final List<EventEnvelope> applied = new CopyOnWriteArrayList<>();
        final AtomicInteger failingAttempts = new AtomicInteger();
        final List<EventEnvelope> failingProcessed = new CopyOnWriteArrayList<>();
        final AtomicInteger poisonInvocations = new AtomicInteger();
        volatile boolean healed;

        private final Inbox inbox;
        private final JdbcClient jdbc;

        Listeners(Inbox inbox, JdbcClient jdbc) {
            this.inbox = inbox;
            this.jdbc = jdbc;
        }

        @KafkaListener(id = "it-inbox", topics = "it.inbox")
        void onInbox(EventEnvelope envelope) {
            inbox.apply(envelope, () -> {
                jdbc.sql("INSERT INTO applied (event_id) VALUES (:id)").param("id", envelope.id()).update();
                applied.add(envelope);
            });
        }

        @KafkaListener(id = "it-failing", topics = "it.failing")
        void onFailing(EventEnvelope envelope) {
            failingAttempts.incrementAndGet();
            if (!healed) {
                throw new IllegalStateException("downstream unavailable");
            }
            failingProcessed.add(envelope);
        }

        @KafkaListener(id = "it-poison", topics = "it.poison")
        void onPoison(EventEnvelope envelope) {
            poisonInvocations.incrementAndGet();
        }
    }
}
