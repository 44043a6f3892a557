package dev.hailway.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ResourceServerIT extends WebItSupport {

    @Test
    void acceptsAValidAccessTokenAndMapsRolesToAuthorities() {
        HttpResponse<String> response = http.get("/api/me", TestTokens.valid("RIDER", "DRIVER"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).get("authorities").values()).map(node -> node.asString())
                .contains("ROLE_DRIVER", "ROLE_RIDER")
                .noneMatch(authority -> authority.equals("ROLE_OPERATOR"));
    }

    @Test
    void rejectsARequestWithoutTokenAsUnauthorizedProblem() {
        assertUnauthorized(http.get("/api/me", null));
    }

    @Test
    void rejectsAnExpiredToken() {
        assertUnauthorized(http.get("/api/me", TestTokens.with(claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(120))))));
    }

    @Test
    void rejectsATokenThatIsNotValidYet() {
        assertUnauthorized(http.get("/api/me", TestTokens.with(claims -> claims
                .notBeforeTime(Date.from(Instant.now().plusSeconds(600))))));
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        assertUnauthorized(http.get("/api/me", TestTokens.signedByOtherKey()));
    }

    @Test
    void rejectsAnUnsignedToken() {
        assertUnauthorized(http.get("/api/me", TestTokens.unsigned()));
    }

    @Test
    void rejectsAnHmacSignedToken() {
        assertUnauthorized(http.get("/api/me", TestTokens.hmacSigned()));
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        assertUnauthorized(http.get("/api/me", TestTokens.with(claims -> claims.audience("some-other-api"))));
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        assertUnauthorized(http.get("/api/me", TestTokens.with(claims -> claims.issuer("evil-identity"))));
    }

    @Test
    void rejectsATokenThatIsNotAnAccessToken() {
        assertUnauthorized(http.get("/api/me", TestTokens.withHeader(header -> header.type(JOSEObjectType.JWT))));
        assertUnauthorized(http.get("/api/me", TestTokens.withHeader(header -> header.type(null))));
    }

    @Test
    void answersForbiddenProblemWhenTheRoleIsMissing() {
        HttpResponse<String> response = http.get("/api/ops", TestTokens.valid("RIDER"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertProblem(response, "forbidden");
        assertThat(http.get("/api/ops", TestTokens.valid("OPERATOR")).statusCode()).isEqualTo(200);
    }

    @Test
    void keepsActuatorEndpointsBeyondProbesForOperators() {
        assertThat(http.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/info", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/public/ping", null).statusCode()).isEqualTo(200);

        assertUnauthorized(http.get("/actuator/env", null));
        assertThat(http.get("/actuator/env", TestTokens.valid("RIDER")).statusCode()).isEqualTo(403);
        // Operators pass security, but the endpoint is not exposed at all.
        assertThat(http.get("/actuator/env", TestTokens.valid("OPERATOR")).statusCode()).isEqualTo(404);
    }

    @Test
    void documentsThePublicApiButNotTheInternalEndpoints() {
        HttpResponse<String> docs = http.get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(Http.json(docs).get("paths").propertyNames()).contains("/api/things").noneMatch(
                path -> path.startsWith("/internal"));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertProblem(response, "unauthorized");
    }

    static JsonNode assertProblem(HttpResponse<String> response, String slug) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://hailway.dev/problems/" + slug);
        assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString()).isEqualTo(
                response.headers().firstValue("X-Request-Id").orElseThrow());
        return problem;
    }
}
