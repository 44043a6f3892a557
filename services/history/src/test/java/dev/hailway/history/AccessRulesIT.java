package dev.hailway.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import dev.hailway.history.support.HistoryItSupport;
import dev.hailway.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessRulesIT extends HistoryItSupport {

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET, /api/history/trips, DRIVER, 403, forbidden",
            "GET, /api/history/trips, OPERATOR, 403, forbidden",
            "GET, /api/history/earnings, RIDER, 403, forbidden",
            "GET, /api/ops/stats, RIDER, 403, forbidden",
            "GET, /api/ops/stats, DRIVER, 403, forbidden",
            "POST, /api/ops/history/rebuild, DRIVER, 403, forbidden",
            "GET, /api/ops/history/rebuild, RIDER, 403, forbidden",
            "GET, /api/history/trips, , 401, unauthorized",
            "GET, /api/ops/stats, , 401, unauthorized",
            "GET, /api/history/trips?size=101, RIDER, 400, validation",
            "GET, /api/history/trips?size=0, RIDER, 400, validation",
            "GET, /api/history/trips?page=-1, RIDER, 400, validation",
            "GET, /api/history/trips?page=abc, RIDER, 400, validation",
            "GET, /api/history/earnings?from=2026-11-30&to=2026-11-01, DRIVER, 400, validation",
            "GET, /api/history/earnings?from=2020-01-01&to=2026-11-01, DRIVER, 400, validation",
            "GET, /api/history/earnings?from=yesterday, DRIVER, 400, validation",
            "GET, /api/ops/stats?last=0, OPERATOR, 400, validation",
            "GET, /api/ops/stats?top=1000, OPERATOR, 400, validation"})
    void refusesWithAProblem(String method, String path, String role, int status, String slug) {
        String token = role == null ? null : TestTokens.forAccount(UUID.randomUUID(), role);
        HttpResponse<String> response = method.equals("POST") ? post(path, token) : get(path, token);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
    }
}
