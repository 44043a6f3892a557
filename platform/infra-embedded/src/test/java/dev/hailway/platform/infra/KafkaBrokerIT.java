package dev.hailway.platform.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @Test
    void producedRecordIsConsumedAndStillThereAfterARestart(@TempDir Path logDir) throws Exception {
        int port = FreePorts.any();
        int controllerPort = FreePorts.any();

        try (var broker = KafkaBroker.start(port, controllerPort, logDir)) {
            try (var producer = producer(broker.bootstrapServers())) {
                producer.send(new ProducerRecord<>("it.rides", "ride-1", "requested")).get(30, TimeUnit.SECONDS);
            }
            assertThat(consumeAll(broker.bootstrapServers(), "it.rides")).containsExactly("ride-1=requested");
        }

        try (var broker = KafkaBroker.start(port, controllerPort, logDir)) {
            assertThat(consumeAll(broker.bootstrapServers(), "it.rides")).containsExactly("ride-1=requested");
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the start with a fresh group until one record has arrived. */
    private static List<String> consumeAll(String bootstrapServers, String topic) {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key() + "=" + r.value()));
                return !seen.isEmpty();
            });
        }
        return seen;
    }
}
