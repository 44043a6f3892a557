package dev.hailway.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSignInTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AccessTokens tokens = new AccessTokens(claims -> "signed:" + claims.subject(), clock,
            "hailway-identity", "hailway-api", Duration.ofMinutes(15));
    private final ServiceSignIn signIn = new ServiceSignIn(
            new ServiceClients(Map.of("dispatch", "dispatch-secret-0123456789", "trips", "trips-secret-0123456789")),
            tokens);

    @Test
    void aConfiguredServiceWithItsSecretGetsAFifteenMinuteToken() {
        var token = signIn.signIn("dispatch", "dispatch-secret-0123456789");

        assertThat(token).hasValueSatisfying(issued -> {
            assertThat(issued.accessToken()).isEqualTo("signed:service:dispatch");
            assertThat(issued.expiresInSeconds()).isEqualTo(900);
            assertThat(issued.toString()).doesNotContain("signed");
        });
    }

    @Test
    void wrongSecretsUnknownClientsAndAnotherServicesSecretGetNothing() {
        assertThat(signIn.signIn("dispatch", "dispatch-secret-012345678")).isEmpty();
        assertThat(signIn.signIn("dispatch", "trips-secret-0123456789")).isEmpty();
        assertThat(signIn.signIn("pricing", "dispatch-secret-0123456789")).isEmpty();
        assertThat(signIn.signIn("dispatch", "")).isEmpty();
        assertThat(signIn.signIn(null, null)).isEmpty();
    }

    @Test
    void noClientsConfiguredMeansNoServiceGetsAToken() {
        var none = new ServiceSignIn(new ServiceClients(Map.of()), tokens);

        assertThat(none.signIn("dispatch", "dispatch-secret-0123456789")).isEmpty();
    }

    @Test
    void refusesShortSecretsAndOddNamesAtStart() {
        assertThatThrownBy(() -> new ServiceClients(Map.of("dispatch", "short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dispatch")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> new ServiceClients(Map.of("Dispatch Service", "dispatch-secret-0123456789")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
