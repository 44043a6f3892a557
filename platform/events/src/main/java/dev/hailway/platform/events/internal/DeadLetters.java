package dev.hailway.platform.events.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the dead-letter topics and puts their records back on the original topics.
 *
 * <p>Kafka logs are append-only, so a replayed record stays on its {@code .DLT} topic; the replayed copy
 * carries a {@code hailway-replayed-from} header, and the consumer's inbox makes a second replay harmless.
 */
public final class DeadLetters {

    static final String REPLAYED_FROM = "hailway-replayed-from";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> adminConfig;
    private final KafkaOperations<Object, Object> kafka;
    private final int maxRecordsPerTopic;

    DeadLetters(Map<String, Object> consumerConfig, Map<String, Object> adminConfig,
                KafkaOperations<Object, Object> kafka, int maxRecordsPerTopic) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = Map.copyOf(config);
        this.adminConfig = Map.copyOf(adminConfig);
        this.kafka = kafka;
        this.maxRecordsPerTopic = maxRecordsPerTopic;
    }

    /** The first records of every {@code .DLT} topic, up to the configured limit per topic. */
    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        for (String topic : deadLetterTopics()) {
            read(topic, record -> true, maxRecordsPerTopic).forEach(r -> letters.add(toDeadLetter(r)));
        }
        return letters;
    }

    /** Replays one dead letter; returns how many records were put back (0 when there is none at that offset). */
    public int replay(String topic, int partition, long offset) {
        requireDeadLetterTopic(topic);
        List<ConsumerRecord<byte[], byte[]>> records = readAt(new TopicPartition(topic, partition), offset);
        records.forEach(this::republish);
        return records.size();
    }

    /** Replays every dead letter of one {@code .DLT} topic, or of all of them when {@code topic} is null. */
    public int replayAll(@Nullable String topic) {
        Collection<String> topics = topic == null ? deadLetterTopics() : List.of(requireDeadLetterTopic(topic));
        int count = 0;
        for (String each : topics) {
            List<ConsumerRecord<byte[], byte[]>> records = read(each, record -> true, Integer.MAX_VALUE);
            records.forEach(this::republish);
            count += records.size();
        }
        return count;
    }

    private static String requireDeadLetterTopic(String topic) {
        if (!topic.endsWith(DeadLetterTopics.SUFFIX)) {
            throw new IllegalArgumentException("not a dead-letter topic: " + topic);
        }
        return topic;
    }

    private List<String> deadLetterTopics() {
        try (Admin admin = Admin.create(adminConfig)) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.endsWith(DeadLetterTopics.SUFFIX))
                    .sorted()
                    .toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics", e);
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> read(String topic,
                                                       Predicate<ConsumerRecord<byte[], byte[]>> filter, int limit) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (records.size() < limit && !reachedEnd(consumer, end) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition) && filter.test(record) && records.size() < limit) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAt(TopicPartition partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (offset >= end) {
                return List.of();
            }
            consumer.seek(partition, offset);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == offset) {
                        return List.of(record);
                    }
                    if (record.offset() > offset) {
                        return List.of(); // compacted or deleted
                    }
                }
            }
            return List.of();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void republish(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        ProducerRecord<Object, Object> replay = new ProducerRecord<>(originalTopicOf(record), null, key,
                record.value(), headers);
        try {
            kafka.send(replay).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot replay " + record.topic() + "/" + record.partition() + "/"
                    + record.offset(), e);
        }
    }

    private static String originalTopicOf(ConsumerRecord<byte[], byte[]> record) {
        String header = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return header != null ? header : DeadLetterTopics.originalOf(record.topic());
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                originalTopicOf(record),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
