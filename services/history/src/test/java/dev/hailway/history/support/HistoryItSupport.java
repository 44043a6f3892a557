package dev.hailway.history.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Shared by the history ITs so that they run against one cached application context. */
@HistoryIntegration
public abstract class HistoryItSupport {

    protected static final Duration TIMEOUT = Duration.ofSeconds(90);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected KafkaTemplate<Object, Object> kafka;
    @Autowired
    protected ObjectMapper mapper;

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("hailway.security.jwks-uri", TestTokens::jwksUri);
    }

    /** Publishes {@code event} as its owner would: an envelope keyed by the aggregate (trip) id. */
    protected EventEnvelope publish(String topic, Object aggregateId, Object event) {
        EventEnvelope envelope = EventEnvelope.wrap(aggregateId.toString(), event, Instant.now(), null, mapper);
        publish(topic, envelope);
        return envelope;
    }

    protected void publish(String topic, EventEnvelope envelope) {
        try {
            kafka.send(topic, envelope.aggregateId(), mapper.writeValueAsBytes(envelope)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    protected HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    protected HttpResponse<String> post(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    protected JsonNode json(HttpResponse<String> response) {
        return mapper.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
