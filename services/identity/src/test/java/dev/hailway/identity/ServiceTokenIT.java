package dev.hailway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.hailway.identity.support.Http;
import dev.hailway.platform.testing.EmbeddedInfrastructure;
import dev.hailway.platform.web.ServiceTokens;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hailway.identity.service-clients.dispatch=dispatch-secret-for-tests",
    "hailway.identity.service-clients.trips=trips-secret-for-tests"})
@EmbeddedInfrastructure(database = "identity")
class ServiceTokenIT {

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder decoder;

    @Autowired
    JwtAuthenticationConverter converter;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aConfiguredServiceGetsATokenThatIdentityAcceptsWithTheServiceRole() throws Exception {
        var response = http.post("/internal/auth/service-token",
                Map.of("clientId", "dispatch", "clientSecret", "dispatch-secret-for-tests"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(response.json().get("expiresIn").asLong()).isEqualTo(900);
        String token = response.json().get("accessToken").asString();

        var jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("hailway-identity");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("hailway-api");
        assertThat(jwt.getJWTClaimsSet().getClaims()).doesNotContainKey("email");

        var authentication = converter.convert(decoder.decode(token));
        assertThat(authentication.getName()).isEqualTo("service:dispatch");
        // Spring Security 7 adds FACTOR_BEARER for the way the token was presented; the roles are ours.
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(authority -> authority.startsWith("ROLE_")).containsExactly("ROLE_SERVICE");
    }

    @Test
    void aWrongSecretOrAnUnknownClientGetsTheSameProblem() {
        var wrongSecret = http.post("/internal/auth/service-token",
                Map.of("clientId", "dispatch", "clientSecret", "trips-secret-for-tests"));
        var unknownClient = http.post("/internal/auth/service-token",
                Map.of("clientId", "pricing", "clientSecret", "dispatch-secret-for-tests"));

        for (var response : new Http.Response[] {wrongSecret, unknownClient}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("https://hailway.dev/problems/unauthorized");
        }
        assertThat(wrongSecret.json().get("detail")).isEqualTo(unknownClient.json().get("detail"));
        assertThat(http.post("/internal/auth/service-token", Map.of("clientId", "dispatch")).status()).isEqualTo(400);
    }

    @Test
    void aServiceTokenIsNoAccountsToken() {
        String token = http.post("/internal/auth/service-token",
                Map.of("clientId", "trips", "clientSecret", "trips-secret-for-tests")).json().get("accessToken")
                .asString();

        assertThat(http.get("/api/me", token).status()).isEqualTo(401);
    }

    @Test
    void platformWebsServiceTokensSignsInAgainstTheRealEndpoint() {
        var tokens = new ServiceTokens(URI.create("http://localhost:" + port + "/internal/auth/service-token"),
                "trips", "trips-secret-for-tests", Duration.ofSeconds(2), Clock.systemUTC());

        String token = tokens.token();

        assertThat(tokens.token()).isSameAs(token);
        assertThat(decoder.decode(token).getSubject()).isEqualTo("service:trips");
    }
}
