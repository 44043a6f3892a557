package dev.hailway.pricing.support;

import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import dev.hailway.platform.testing.TestTokens;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * One application context for every pricing IT: a real server on a random port, the embedded PostgreSQL and
 * Kafka, the test JWKS. Surge is recalculated by the tests themselves, never by the schedule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hailway.logging.format=plain",
        "hailway.pricing.surge.interval=1h",
        "hailway.pricing.quotes.keys.check-interval=1h",
        "hailway.events.partitions=1"})
@EmbeddedInfrastructure(database = "pricing")
public abstract class IntegrationSupport {

    @Value("${local.server.port}")
    protected int port;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafkaServers;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected KafkaTemplate<Object, Object> kafka;
    @Autowired
    protected ObjectMapper mapper;

    protected Http http;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", TestTokens::jwksUri);
    }

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** Publishes an event as its owning service would: the envelope as JSON bytes, keyed by aggregate id. */
    protected EventEnvelope send(String topic, String aggregateId, Object event) throws Exception {
        var envelope = EventEnvelope.wrap(aggregateId, event, Instant.now(), null, mapper);
        send(topic, envelope);
        return envelope;
    }

    protected void send(String topic, EventEnvelope envelope) throws Exception {
        kafka.send(topic, envelope.aggregateId(), mapper.writeValueAsBytes(envelope)).get(30, TimeUnit.SECONDS);
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
