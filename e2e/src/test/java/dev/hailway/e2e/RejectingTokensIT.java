package dev.hailway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.hailway.runtime.Platform;

@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectingTokensIT {

    private final Platform platform;
    private final Api gateway;
    private final Api identityDirectly;
    private ForgedTokens forge;
    private Api.SignedIn rider;

    RejectingTokensIT(Platform platform) {
        this.platform = platform;
        this.gateway = new Api(platform.gatewayUrl());
        this.identityDirectly = new Api(platform.serviceUrl("identity"));
    }

    @BeforeAll
    void signUpARider() {
        rider = gateway.registerAndSignIn("RIDER");
        forge = ForgedTokens.withIdentityKeyFrom(platform.database("identity"));
    }

    @Test
    void aForgedTokenWithValidClaimsAndTheRealKeyIsAccepted() {
        // The control for every rejection below: forging works, so each 401 is caused by the one thing made wrong.
        String token = forge.signedByIdentity(ForgedTokens.validClaims(rider.accountId()).build());

        assertThat(gateway.get("/api/me", token).status()).isEqualTo(200);
        assertThat(identityDirectly.get("/api/me", token).status()).isEqualTo(200);
    }

    Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("no token", (Function<RejectingTokensIT, String>) t -> null),
                Arguments.of("expired", (Function<RejectingTokensIT, String>) t -> t.forge.signedByIdentity(
                        ForgedTokens.validClaims(t.rider.accountId())
                                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build())),
                Arguments.of("signed with another key", (Function<RejectingTokensIT, String>) t -> t.forge.signedByAnotherKey(
                        ForgedTokens.validClaims(t.rider.accountId()).build())),
                Arguments.of("alg none", (Function<RejectingTokensIT, String>) t -> ForgedTokens.unsigned(
                        ForgedTokens.validClaims(t.rider.accountId()).build())),
                Arguments.of("wrong audience", (Function<RejectingTokensIT, String>) t -> t.forge.signedByIdentity(
                        ForgedTokens.validClaims(t.rider.accountId()).audience("some-other-api").build())),
                Arguments.of("wrong issuer", (Function<RejectingTokensIT, String>) t -> t.forge.signedByIdentity(
                        ForgedTokens.validClaims(t.rider.accountId()).issuer("https://evil.example").build())),
                Arguments.of("not an access token (typ JWT)", (Function<RejectingTokensIT, String>) t -> t.forge.signedByIdentityWithType(
                        ForgedTokens.validClaims(t.rider.accountId()).build(), "JWT")),
                Arguments.of("no expiry", (Function<RejectingTokensIT, String>) t -> t.forge.signedByIdentity(
                        ForgedTokens.validClaims(t.rider.accountId()).expirationTime(null).build())),
                Arguments.of("no subject", (Function<RejectingTokensIT, String>) t -> t.forge.signedByIdentity(
                        ForgedTokens.validClaims(t.rider.accountId()).subject(null).build())),
                Arguments.of("encrypted (JWE)", (Function<RejectingTokensIT, String>) t -> encryptedShaped()),
                Arguments.of("garbage", (Function<RejectingTokensIT, String>) t -> "not-a-jwt"));
    }

    @ParameterizedTest(name = "through the gateway: {0}")
    @MethodSource("badTokens")
    void theGatewayRejects(String why, Function<RejectingTokensIT, String> token) {
        assertUnauthorized(gateway.get("/api/me", token.apply(this)));
    }

    @ParameterizedTest(name = "straight to the identity port: {0}")
    @MethodSource("badTokens")
    void aServiceReachedDirectlyRejectsItToo(String why, Function<RejectingTokensIT, String> token) {
        assertUnauthorized(identityDirectly.get("/api/me", token.apply(this)));
    }

    @Test
    void identityHeadersFromTheClientDoNotAuthenticate() {
        var request = gateway.request("/api/me", null)
                .header("X-Account-Id", rider.accountId().toString())
                .header("X-Roles", "OPERATOR")
                .GET();

        assertUnauthorized(gateway.send(request));
    }

    /** Five parts under a real JWE header, the rest random: identity never issues encrypted tokens. */
    private static String encryptedShaped() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString(
                "{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.UTF_8));
        SecureRandom random = new SecureRandom();
        StringBuilder token = new StringBuilder(header);
        for (int length : new int[] {256, 12, 64, 16}) {
            byte[] part = new byte[length];
            random.nextBytes(part);
            token.append('.').append(base64.encodeToString(part));
        }
        return token.toString();
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.hailway");
    }
}
