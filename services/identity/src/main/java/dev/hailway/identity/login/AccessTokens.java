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

/** Mints short-lived access tokens for an account, or for another service (client credentials). */
public final class AccessTokens {

    public static final String SERVICE_SUBJECT_PREFIX = "service:";
    /** Not one of identity-api's account roles: no account can have it, only a service's token. */
    public static final String SERVICE_ROLE = "SERVICE";

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

    /** A service's token: {@code sub} = {@code service:<clientId>}, the one role {@code SERVICE}, no e-mail. */
    public AccessTokenClaims claimsForService(String clientId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenClaims(issuer, audience, SERVICE_SUBJECT_PREFIX + clientId, List.of(SERVICE_ROLE), null,
                now, now.plus(lifetime), UUID.randomUUID().toString());
    }

    public String issueForService(String clientId) {
        return signer.sign(claimsForService(clientId));
    }

    public Duration lifetime() {
        return lifetime;
    }
}
