package dev.hailway.identity.login;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.keys.AccessTokenClaims;
import dev.hailway.identity.keys.AccessTokenSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Mints short-lived access tokens for an account. */
public final class AccessTokens {

    private final AccessTokenSigner signer;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    public AccessTokens(AccessTokenSigner signer, Clock clock, String issuer, String audience, Duration lifetime) {
        this.signer = signer;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
    }

    public AccessTokenClaims claimsFor(Account account) {
        // JWT times are whole seconds; truncating keeps exp - iat exactly the lifetime.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenClaims(issuer, audience, account.id().toString(), List.of(account.role().name()),
                account.email().value(), now, now.plus(lifetime), UUID.randomUUID().toString());
    }

    public String issue(Account account) {
        return signer.sign(claimsFor(account));
    }

    public Duration lifetime() {
        return lifetime;
    }
}
