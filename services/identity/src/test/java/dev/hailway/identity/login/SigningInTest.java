package dev.hailway.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.api.Role;
import dev.hailway.identity.api.TokenPair;
import dev.hailway.identity.login.SigningIn.LoginResult;
import dev.hailway.identity.login.SigningIn.LoginResult.Refused;
import dev.hailway.identity.login.SigningIn.LoginResult.SignedIn;
import dev.hailway.identity.login.SigningIn.LoginResult.Throttled;
import dev.hailway.identity.login.SigningIn.RefreshResult.Refreshed;
import dev.hailway.identity.support.FastHasher;
import dev.hailway.identity.support.InMemoryAccounts;
import dev.hailway.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningInTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final FastHasher hasher = new FastHasher();
    private final AccessTokens accessTokens = new AccessTokens(
            claims -> "jwt-for-" + claims.subject() + "-" + claims.roles(), clock, "hailway-identity", "hailway-api",
            Duration.ofMinutes(15));
    private final InMemorySignInAttempts attempts = new InMemorySignInAttempts();
    private final SigningIn signingIn = new SigningIn(accounts, hasher, accessTokens,
            new RefreshTokenRotation(new InMemoryRefreshTokens(), clock, Duration.ofDays(30)),
            new SignInThrottle(attempts, new SignInLimit(5, Duration.ofMinutes(5), Duration.ofSeconds(30),
                    Duration.ofMinutes(15), Duration.ofHours(1)), clock));
    private final Account ann = new Account(AccountId.random(), EmailAddress.of("ann@example.org"), "Ann", Role.DRIVER,
            hasher.hash("correct horse battery"), clock.instant());

    {
        accounts.add(ann);
    }

    @Test
    void givesABearerPairForTheRightPasswordWhateverTheCaseOfTheAddress() {
        var pair = tokens(signingIn.login(" ANN@example.org", "correct horse battery"));

        assertThat(pair.accessToken()).isEqualTo("jwt-for-" + ann.id() + "-[DRIVER]");
        assertThat(pair.refreshToken()).isNotBlank();
        assertThat(pair.expiresIn()).isEqualTo(900);
        assertThat(pair.tokenType()).isEqualTo("Bearer");
    }

    @Test
    void refusesAWrongPassword() {
        assertThat(signingIn.login("ann@example.org", "wrong horse battery")).isInstanceOf(Refused.class);
    }

    @Test
    void checksAPasswordEvenForAnUnknownAddressSoThatTimingSaysNothing() {
        int before = hasher.checks.get();

        assertThat(signingIn.login("bob@example.org", "correct horse battery")).isInstanceOf(Refused.class);
        assertThat(signingIn.login("not an address", "correct horse battery")).isInstanceOf(Refused.class);
        assertThat(hasher.checks.get() - before).isEqualTo(2);
    }

    @Test
    void refreshesOnceAndRefusesTheSameTokenTwice() {
        var pair = tokens(signingIn.login("ann@example.org", "correct horse battery"));

        assertThat(signingIn.refresh(pair.refreshToken())).isInstanceOfSatisfying(Refreshed.class,
                refreshed -> assertThat(refreshed.tokens().refreshToken()).isNotEqualTo(pair.refreshToken()));
        assertThat(signingIn.refresh(pair.refreshToken()))
                .isEqualTo(new SigningIn.RefreshResult.Refused(RefreshTokenRotation.Reason.REUSED));
    }

    @Test
    void aLockedAddressRefusesEvenTheRightPasswordWithoutCheckingAnyPassword() {
        failFiveTimes("ann@example.org");
        int checks = hasher.checks.get();

        assertThat(signingIn.login("Ann@Example.org", "correct horse battery"))
                .isEqualTo(new Throttled(Duration.ofSeconds(30)));
        assertThat(hasher.checks.get()).isEqualTo(checks);

        clock.advance(Duration.ofSeconds(30));
        assertThat(signingIn.login("ann@example.org", "correct horse battery")).isInstanceOf(SignedIn.class);
    }

    @Test
    void anUnknownAddressIsThrottledExactlyLikeAKnownOne() {
        failFiveTimes("ann@example.org");
        failFiveTimes("bob@example.org");

        assertThat(signingIn.login("bob@example.org", "correct horse battery"))
                .isEqualTo(signingIn.login("ann@example.org", "correct horse battery"));
    }

    @Test
    void aSuccessfulSignInForgetsTheFailuresBeforeIt() {
        for (int i = 0; i < 4; i++) {
            signingIn.login("ann@example.org", "wrong horse battery");
        }
        assertThat(signingIn.login("ann@example.org", "correct horse battery")).isInstanceOf(SignedIn.class);
        assertThat(attempts.recordOf("ann@example.org")).isEmpty();

        failFiveTimes("ann@example.org");
    }

    @Test
    void invalidAddressesAreNotRecorded() {
        for (int i = 0; i < 10; i++) {
            assertThat(signingIn.login("not an address", "wrong")).isInstanceOf(Refused.class);
        }
        assertThat(attempts.forgetQuietSince(clock.instant().plusSeconds(1), clock.instant())).isZero();
    }

    @Test
    void anAddressQuietForAnHourIsForgottenAndARecentOneKept() {
        failFiveTimes("ann@example.org");
        signingIn.login("ann@example.org", "wrong horse battery");
        clock.advance(Duration.ofMinutes(59));
        signingIn.login("bob@example.org", "wrong horse battery");
        clock.advance(Duration.ofMinutes(2));

        assertThat(new SignInThrottle(attempts, new SignInLimit(5, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofHours(1)), clock).forgetQuietAddresses()).isEqualTo(1);
        assertThat(attempts.recordOf("ann@example.org")).isEmpty();
        assertThat(attempts.recordOf("bob@example.org")).isPresent();
    }

    private void failFiveTimes(String email) {
        for (int i = 0; i < 5; i++) {
            assertThat(signingIn.login(email, "wrong horse battery")).as("attempt %d", i + 1)
                    .isInstanceOf(Refused.class);
        }
    }

    private static TokenPair tokens(LoginResult result) {
        assertThat(result).isInstanceOf(SignedIn.class);
        return ((SignedIn) result).tokens();
    }
}
