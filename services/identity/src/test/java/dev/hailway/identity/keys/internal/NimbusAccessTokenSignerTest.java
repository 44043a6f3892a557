package dev.hailway.identity.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.hailway.identity.keys.AccessTokenClaims;
import dev.hailway.identity.keys.InMemorySigningKeys;
import dev.hailway.identity.keys.KeyPairs;
import dev.hailway.identity.keys.KeyRotation;
import dev.hailway.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

class NimbusAccessTokenSignerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final KeyRing ring = new KeyRing(
            new KeyRotation(new InMemorySigningKeys(), KeyPairs.rsa2048(), clock, Duration.ofHours(24),
                    Duration.ofMinutes(15), Duration.ofMinutes(1)),
            TransactionOperations.withoutTransaction(), clock,
            new KeySettings(Duration.ofHours(24), Duration.ofMinutes(1), Duration.ofSeconds(5)));
    private final NimbusAccessTokenSigner signer = new NimbusAccessTokenSigner(ring);

    @Test
    void signsAnAtJwtWithRs256AndTheActiveKeysId() throws Exception {
        var claims = new AccessTokenClaims("hailway-identity", "hailway-api", "2b5a9f3e-1111-4a4a-8b8b-123456789abc",
                List.of("RIDER"), "ann@example.org", clock.instant(), clock.instant().plusSeconds(900), "jti-1");

        var jwt = SignedJWT.parse(signer.sign(claims));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(ring.active().id().value());
        assertThat(jwt.verify(new RSASSAVerifier(ring.active().publicKey()))).isTrue();
        var body = jwt.getJWTClaimsSet();
        assertThat(body.getIssuer()).isEqualTo("hailway-identity");
        assertThat(body.getAudience()).containsExactly("hailway-api");
        assertThat(body.getSubject()).isEqualTo("2b5a9f3e-1111-4a4a-8b8b-123456789abc");
        assertThat(body.getStringListClaim("roles")).containsExactly("RIDER");
        assertThat(body.getStringClaim("email")).isEqualTo("ann@example.org");
        assertThat(body.getIssueTime()).isEqualTo(Date.from(clock.instant()));
        assertThat(body.getExpirationTime()).isEqualTo(Date.from(clock.instant().plusSeconds(900)));
        assertThat(body.getJWTID()).isEqualTo("jti-1");
    }

    @Test
    void leavesTheEmailOutOfAServicesToken() throws Exception {
        var claims = new AccessTokenClaims("hailway-identity", "hailway-api", "service:dispatch", List.of("SERVICE"),
                null, clock.instant(), clock.instant().plusSeconds(900), "jti-2");

        var body = SignedJWT.parse(signer.sign(claims)).getJWTClaimsSet();

        assertThat(body.getSubject()).isEqualTo("service:dispatch");
        assertThat(body.getStringListClaim("roles")).containsExactly("SERVICE");
        assertThat(body.getClaims()).doesNotContainKey("email");
    }

    @Test
    void publishesOnlyPublicKeysAndKeepsTheRetiredOneAfterARotation() {
        var old = ring.active();
        var fresh = ring.rotate();

        var jwks = ring.published();

        assertThat(jwks.getKeys()).extracting(key -> key.getKeyID())
                .containsExactlyInAnyOrder(old.id().value(), fresh.id().value());
        assertThat(jwks.getKeys()).noneMatch(key -> key.isPrivate());
        assertThat(jwks.toJSONObject(true).toString()).doesNotContain("\"d\"");
        assertThat(jwks.getKeys()).allSatisfy(key -> assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256));
    }
}
