package dev.hailway.identity.keys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an access token says, in the names of docs/CONVENTIONS.md (iss, aud, sub, roles, email, iat, exp, jti).
 * {@code email} is null in a service's token: a service has no address, and the claim is then left out.
 */
public record AccessTokenClaims(String issuer, String audience, String subject, List<String> roles, String email,
        Instant issuedAt, Instant expiresAt, String tokenId) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
        roles = List.copyOf(roles);
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
