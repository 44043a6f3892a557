package dev.hailway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.hailway.identity.support.Http;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hailway.identity.operator.email=Ops@Hailway.dev",
    "hailway.identity.operator.password=operator-password-1"})
@EmbeddedInfrastructure(database = "identity")
class SigningInIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aRiderRegistersSignsInAndReadsTheirAccount() throws Exception {
        String email = "rider-" + UUID.randomUUID() + "@example.org";
        var registered = http.post("/api/auth/register", Map.of(
                "role", "RIDER", "email", "  " + email.toUpperCase() + " ", "password", "correct horse battery",
                "name", "Ann Rider"));
        assertThat(registered.status()).isEqualTo(201);
        String accountId = registered.json().get("accountId").asString();
        assertThat(registered.header("Location")).endsWith("/api/accounts/" + accountId);

        var login = http.post("/api/auth/login", Map.of("email", email, "password", "correct horse battery"));
        assertThat(login.status()).isEqualTo(200);
        JsonNode tokens = login.json();
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.header("Cache-Control")).contains("no-store");

        var jwt = SignedJWT.parse(tokens.get("accessToken").asString());
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(accountId);
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("RIDER");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("hailway-api");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("hailway-identity");

        var me = http.get("/api/me", tokens.get("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("accountId").asString()).isEqualTo(accountId);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("name").asString()).isEqualTo("Ann Rider");
        assertThat(me.json().get("role").asString()).isEqualTo("RIDER");
        assertThat(me.json().get("createdAt").asString()).isNotBlank();

        assertThat(http.get("/api/accounts/" + accountId, tokens.get("accessToken").asString()).status())
                .isEqualTo(200);
        assertThat(http.get("/api/accounts/" + UUID.randomUUID(), tokens.get("accessToken").asString()).status())
                .isEqualTo(403);
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSameAnswer() {
        String email = register("DRIVER");

        var wrongPassword = http.post("/api/auth/login", Map.of("email", email, "password", "not the password"));
        var unknownEmail = http.post("/api/auth/login",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "correct horse battery"));

        for (var response : new Http.Response[] {wrongPassword, unknownEmail}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/unauthorized");
        }
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));
    }

    @Test
    void meNeedsAValidToken() {
        assertThat(http.get("/api/me", null).status()).isEqualTo(401);
        assertThat(http.get("/api/me", "not.a.jwt").status()).isEqualTo(401);
    }

    @Test
    void aRefreshTokenWorksOnceAndItsReuseRevokesTheWholeFamily() {
        String email = register("RIDER");
        JsonNode first = login(email, "correct horse battery");

        var second = http.post("/api/auth/refresh", Map.of("refreshToken", first.get("refreshToken").asString()));
        assertThat(second.status()).isEqualTo(200);
        String secondRefresh = second.json().get("refreshToken").asString();
        assertThat(secondRefresh).isNotEqualTo(first.get("refreshToken").asString());
        assertThat(http.get("/api/me", second.json().get("accessToken").asString()).status()).isEqualTo(200);

        var reuse = http.post("/api/auth/refresh", Map.of("refreshToken", first.get("refreshToken").asString()));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.contentType()).startsWith("application/problem+json");

        // The thief's replay also took the legitimate client's current token with it.
        assertThat(http.post("/api/auth/refresh", Map.of("refreshToken", secondRefresh)).status()).isEqualTo(401);

        // Another login is another family, untouched.
        JsonNode other = login(email, "correct horse battery");
        assertThat(http.post("/api/auth/refresh", Map.of("refreshToken", other.get("refreshToken").asString()))
                .status()).isEqualTo(200);
    }

    @Test
    void twoConcurrentRefreshesWithOneTokenCannotBothSucceed() throws Exception {
        String token = login(register("RIDER"), "correct horse battery").get("refreshToken").asString();
        Callable<Integer> refresh = () -> http.post("/api/auth/refresh", Map.of("refreshToken", token)).status();

        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var result : pool.invokeAll(List.of(refresh, refresh))) {
                statuses.add(result.get());
            }
        }

        assertThat(statuses).containsOnly(200, 401).containsOnlyOnce(401);
    }

    @Test
    void aRotationLogsNoOneOutAndTheJwksCarriesBothKeys() throws Exception {
        String riderToken = login(register("RIDER"), "correct horse battery").get("accessToken").asString();
        String oldKid = SignedJWT.parse(riderToken).getHeader().getKeyID();
        String operatorToken = login("ops@hailway.dev", "operator-password-1").get("accessToken").asString();

        assertThat(http.post("/api/auth/keys/rotate", "", Map.of()).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/keys/rotate", "", Map.of("Authorization", "Bearer " + riderToken)).status())
                .isEqualTo(403);
        var rotated = http.post("/api/auth/keys/rotate", "", Map.of("Authorization", "Bearer " + operatorToken));
        assertThat(rotated.status()).isEqualTo(200);
        String newKid = rotated.json().get("activeKeyId").asString();
        assertThat(newKid).isNotEqualTo(oldKid);

        assertThat(http.get("/api/me", riderToken).status()).isEqualTo(200);
        var jwks = http.get("/api/auth/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("max-age=300");
        var kids = new ArrayList<String>();
        jwks.json().get("keys").forEach(key -> kids.add(key.get("kid").asString()));
        assertThat(kids).contains(oldKid, newKid);
        assertThat(jwks.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");

        String fresh = login(register("DRIVER"), "correct horse battery").get("accessToken").asString();
        assertThat(SignedJWT.parse(fresh).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(http.get("/api/me", fresh).status()).isEqualTo(200);
    }

    private String register(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
        var response = http.post("/api/auth/register",
                Map.of("role", role, "email", email, "password", "correct horse battery", "name", "Someone"));
        assertThat(response.status()).isEqualTo(201);
        return email;
    }

    private JsonNode login(String email, String password) {
        var response = http.post("/api/auth/login", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
