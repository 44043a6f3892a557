package dev.hailway.platform.web;

import static dev.hailway.platform.web.ResourceServerIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.hailway.platform.web.WebTestApplication.Gate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotentRequestsIT extends WebItSupport {

    private static final String BODY = "{\"name\": \"lamp\", \"count\": 2}";

    @Autowired
    Gate gate;
    @Autowired
    JdbcClient jdbc;

    private final String token = TestTokens.valid("RIDER");

    @AfterEach
    void openGate() {
        gate.release.countDown();
        gate.fail = false;
    }

    @Test
    void sameKeyAndBodyGetTheSameAnswerAgainWithoutDoingItTwice() {
        String key = UUID.randomUUID().toString();
        int before = gate.created.get();

        HttpResponse<String> first = post(key, BODY);
        HttpResponse<String> second = post(key, BODY);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(second.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/json"));
        assertThat(gate.created.get() - before).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRejected() {
        String key = UUID.randomUUID().toString();
        post(key, BODY);

        HttpResponse<String> response = post(key, "{\"name\": \"lamp\", \"count\": 3}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertProblem(response, "idempotency-key-reused");
    }

    @Test
    void keysAreScopedByCaller() {
        String key = UUID.randomUUID().toString();
        int before = gate.created.get();

        post(key, BODY);
        HttpResponse<String> other = http.send(request(TestTokens.valid("RIDER"), key, "{\"name\": \"x\", \"count\": 1}"));

        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(gate.created.get() - before).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesSeeTheFirstInFlightAndOnlyOneRuns() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = gate.created.get();
        gate.release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<HttpResponse<String>> first = pool.submit(() -> post(key, BODY));
            await().atMost(Duration.ofSeconds(20)).until(() -> inFlight(key));

            List<Future<HttpResponse<String>>> duplicates = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                duplicates.add(pool.submit(() -> post(key, BODY)));
            }
            for (Future<HttpResponse<String>> duplicate : duplicates) {
                HttpResponse<String> response = duplicate.get();
                assertThat(response.statusCode()).isEqualTo(409);
                assertProblem(response, "idempotency-key-in-flight");
            }
            gate.release.countDown();

            assertThat(first.get().statusCode()).isEqualTo(201);
            assertThat(post(key, BODY).body()).isEqualTo(first.get().body());
            assertThat(gate.created.get() - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failedAttemptReleasesTheKeySoTheClientCanRetry() {
        String key = UUID.randomUUID().toString();
        gate.fail = true;

        HttpResponse<String> failed = post(key, BODY);
        gate.fail = false;
        HttpResponse<String> retried = post(key, BODY);

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(retried.statusCode()).isEqualTo(201);
    }

    @Test
    void requestWithoutKeyJustRuns() {
        int before = gate.created.get();

        assertThat(post(null, BODY).statusCode()).isEqualTo(201);
        assertThat(post(null, BODY).statusCode()).isEqualTo(201);
        assertThat(gate.created.get() - before).isEqualTo(2);
    }

    @Test
    void anEmptyKeyIsABadRequestAndRunsNothing() {
        int before = gate.created.get();

        HttpResponse<String> response = post("", BODY);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(assertProblem(response, "validation").get("errors").get(0).get("field").asString())
                .isEqualTo(IdempotentRequests.HEADER);
        assertThat(gate.created.get()).isEqualTo(before);
    }

    @Test
    void anonymousCallersWhoPickTheSameKeyDoNotCollide() {
        String key = UUID.randomUUID().toString();
        int before = gate.created.get();

        HttpResponse<String> first = http.send(anonymous(key, BODY));
        HttpResponse<String> stranger = http.send(anonymous(key, "{\"name\": \"chair\", \"count\": 1}"));
        HttpResponse<String> firstAgain = http.send(anonymous(key, BODY));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(stranger.statusCode()).isEqualTo(201);
        assertThat(firstAgain.body()).isEqualTo(first.body());
        assertThat(gate.created.get() - before).isEqualTo(2);
    }

    private HttpRequest anonymous(String key, String body) {
        return http.request("/public/things").header("Content-Type", "application/json")
                .header(IdempotentRequests.HEADER, key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private boolean inFlight(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = :key AND state = 'IN_FLIGHT'")
                .param("key", key).query(Integer.class).single() == 1;
    }

    private HttpResponse<String> post(String key, String body) {
        return http.send(request(token, key, body));
    }

    private HttpRequest request(String bearer, String key, String body) {
        HttpRequest.Builder request = http.request("/api/things").header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header(IdempotentRequests.HEADER, key);
        }
        return request.build();
    }
}
