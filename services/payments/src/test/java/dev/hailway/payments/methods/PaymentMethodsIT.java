package dev.hailway.payments.methods;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.payments.support.Http;
import dev.hailway.payments.support.IntegrationSupport;
import dev.hailway.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PaymentMethodsIT extends IntegrationSupport {

    @Test
    void aRiderAddsCardsAndSeesOnlyTheirOwn() {
        UUID rider = UUID.randomUUID();
        String token = TestTokens.forAccount(rider, "RIDER");

        var visa = http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), token, Map.of());
        var declining = http.post("/api/payment-methods", Map.of("cardToken", "tok_chargeDeclined"), token, Map.of());
        http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), TestTokens.of("RIDER"), Map.of());

        assertThat(visa.status()).as(visa.body()).isEqualTo(201);
        assertThat(declining.status()).isEqualTo(201);
        var mine = http.get("/api/payment-methods", token);
        assertThat(mine.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        mine.json().forEach(method -> ids.add(method.get("paymentMethodId").asString()));
        assertThat(ids).containsExactly(visa.json().get("paymentMethodId").asString(),
                declining.json().get("paymentMethodId").asString());
        assertThat(mine.body()).doesNotContain("tok_");
    }

    @Test
    void everyBadInputIsAProblemAndStoresNothing() {
        String rider = TestTokens.of("RIDER");
        long before = methods();

        expectProblem(http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), null, Map.of()), 401, "unauthorized");
        expectProblem(http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), TestTokens.of("DRIVER"), Map.of()),
                403, "forbidden");
        expectProblem(http.get("/api/payment-methods", TestTokens.of("OPERATOR")), 403, "forbidden");
        expectProblem(http.post("/api/payment-methods", "{\"cardToken\": ", rider, Map.of()), 400, "malformed-request");
        expectProblem(http.post("/api/payment-methods", "[]", rider, Map.of()), 400, "malformed-request");
        expectProblem(http.post("/api/payment-methods", Map.of(), rider, Map.of()), 400, "validation");
        expectProblem(http.post("/api/payment-methods", Map.of("cardToken", " "), rider, Map.of()), 400, "validation");
        expectProblem(http.post("/api/payment-methods", Map.of("cardToken", "x".repeat(300)), rider, Map.of()), 400,
                "validation");
        var unknown = http.post("/api/payment-methods", Map.of("cardToken", "tok_secret_4242"), rider, Map.of());
        expectProblem(unknown, 400, "validation");
        assertThat(unknown.body()).doesNotContain("tok_secret_4242");
        expectProblem(http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), rider,
                Map.of("Idempotency-Key", "no spaces allowed")), 400, "validation");
        expectProblem(http.post("/api/payment-methods", Map.of("cardToken", "x".repeat(300 * 1024)), rider, Map.of()),
                413, "payload-too-large");

        assertThat(methods()).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyTwiceAddsOneMethod() {
        UUID rider = UUID.randomUUID();
        String token = TestTokens.forAccount(rider, "RIDER");
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        var first = http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), token, key);
        var again = http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), token, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("paymentMethodId")).isEqualTo(first.json().get("paymentMethodId"));
        assertThat(methodsOf(rider)).isEqualTo(1);
        expectProblem(http.post("/api/payment-methods", Map.of("cardToken", "tok_chargeDeclined"), token, key), 422,
                "idempotency-key-reused");
        assertThat(methodsOf(rider)).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyConcurrentlyAddsOneMethod() throws Exception {
        UUID rider = UUID.randomUUID();
        String token = TestTokens.forAccount(rider, "RIDER");
        var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Callable<Http.Response> add = () -> http.post("/api/payment-methods", Map.of("cardToken", "tok_visa"), token, key);

        List<Http.Response> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (var future : pool.invokeAll(List.of(add, add, add, add))) {
                responses.add(future.get());
            }
        }

        assertThat(responses).extracting(Http.Response::status).isSubsetOf(201, 409).contains(201);
        var created = responses.stream().filter(response -> response.status() == 201)
                .map(response -> response.json().get("paymentMethodId").asString()).toList();
        assertThat(created).containsOnly(created.getFirst());
        assertThat(methodsOf(rider)).isEqualTo(1);
    }

    private long methods() {
        return count("select count(*) from payment_methods");
    }

    private long methodsOf(UUID rider) {
        return jdbc.sql("select count(*) from payment_methods where rider_id = :rider").param("rider", rider)
                .query(Long.class).single();
    }

    static void expectProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
    }
}
