package dev.hailway.platform.events.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Where a failed record goes: {@code <topic>.DLT}, created on first use because consumers do not know in
 * advance which topics they will have to dead-letter, and brokers may not auto-create topics.
 */
final class DeadLetterTopics implements BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> {

    static final String SUFFIX = ".DLT";

    private final KafkaAdmin admin;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    DeadLetterTopics(KafkaAdmin admin) {
        this.admin = admin;
    }

    static String of(String topic) {
        return topic + SUFFIX;
    }

    static String originalOf(String deadLetterTopic) {
        return deadLetterTopic.endsWith(SUFFIX)
                ? deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length())
                : deadLetterTopic;
    }

    @Override
    public TopicPartition apply(ConsumerRecord<?, ?> record, Exception exception) {
        String topic = of(record.topic());
        if (known.add(topic)) {
            admin.createOrModifyTopics(new NewTopic(topic, Optional.empty(), Optional.empty()));
        }
        // A negative partition lets the producer choose: the DLT may have fewer partitions than the original.
        return new TopicPartition(topic, -1);
    }
}
