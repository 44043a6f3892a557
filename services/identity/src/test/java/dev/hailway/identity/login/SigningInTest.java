package dev.hailway.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.api.Role;
import dev.hailway.identity.login.SigningIn.RefreshResult.Refreshed;
import dev.hailway.identity.login.SigningIn.RefreshResult.Refused;
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
    private final SigningIn signingIn = new SigningIn(accounts, hasher, accessTokens,
            new RefreshTokenRotation(new InMemoryRefreshTokens(), clock, Duration.ofDays(30)));
    private final Account ann = new Account(AccountId.random(), EmailAddress.of("ann@example.org"), "Ann", Role.DRIVER,
            hasher.hash("correct horse battery"), clock.instant());

    {
        accounts.add(ann);
    }

    @Test
    void givesABearerPairForTheRightPasswordWhateverTheCaseOfTheAddress() {
        var pair = signingIn.login(" ANN@example.org", "correct horse battery").orElseThrow();

        assertThat(pair.accessToken()).isEqualTo("jwt-for-" + ann.id() + "-[DRIVER]");
        assertThat(pair.refreshToken()).isNotBlank();
        assertThat(pair.expiresIn()).isEqualTo(900);
        assertThat(pair.tokenType()).isEqualTo("Bearer");
    }

    @Test
    void refusesAWrongPassword() {
        assertThat(signingIn.login("ann@example.org", "wrong horse battery")).isEmpty();
    }

    @Test
    void checksAPasswordEvenForAnUnknownAddressSoThatTimingSaysNothing() {
        int before = hasher.checks.get();

        assertThat(signingIn.login("bob@example.org", "correct horse battery")).isEmpty();
        assertThat(signingIn.login("not an address", "correct horse battery")).isEmpty();
        assertThat(hasher.checks.get() - before).isEqualTo(2);
    }

    @Test
    void refreshesOnceAndRefusesTheSameTokenTwice() {
        var pair = signingIn.login("ann@example.org", "correct horse battery").orElseThrow();

        assertThat(signingIn.refresh(pair.refreshToken())).isInstanceOfSatisfying(Refreshed.class,
                refreshed -> assertThat(refreshed.tokens().refreshToken()).isNotEqualTo(pair.refreshToken()));
        assertThat(signingIn.refresh(pair.refreshToken()))
                .isEqualTo(new Refused(RefreshTokenRotation.Reason.REUSED));
    }
}
