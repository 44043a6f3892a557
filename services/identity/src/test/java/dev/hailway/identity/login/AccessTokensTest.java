package dev.hailway.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.api.Role;
import dev.hailway.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00.987Z"));
    private final AccessTokens tokens = new AccessTokens(claims -> "signed", clock, "hailway-identity", "hailway-api",
            Duration.ofMinutes(15));

    @Test
    void saysWhoTheAccountIsAndExpiresAfterTheLifetime() {
        var account = new Account(AccountId.random(), EmailAddress.of("ann@example.org"), "Ann", Role.RIDER, "hash",
                clock.instant());

        var claims = tokens.claimsFor(account);

        assertThat(claims.issuer()).isEqualTo("hailway-identity");
        assertThat(claims.audience()).isEqualTo("hailway-api");
        assertThat(claims.subject()).isEqualTo(account.id().value().toString());
        assertThat(claims.roles()).isEqualTo(List.of("RIDER"));
        assertThat(claims.email()).isEqualTo("ann@example.org");
        assertThat(claims.issuedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-11-25T10:15:00Z"));
        assertThat(claims.tokenId()).isNotEqualTo(tokens.claimsFor(account).tokenId());
    }

    @Test
    void aServicesTokenNamesTheServiceWithTheServiceRoleAndNoEmail() {
        var claims = tokens.claimsForService("dispatch");

        assertThat(claims.subject()).isEqualTo("service:dispatch");
        assertThat(claims.roles()).containsExactly("SERVICE");
        assertThat(claims.email()).isNull();
        assertThat(claims.audience()).isEqualTo("hailway-api");
        assertThat(claims.expiresAt()).isEqualTo(Instant.parse("2026-11-25T10:15:00Z"));
    }
}
