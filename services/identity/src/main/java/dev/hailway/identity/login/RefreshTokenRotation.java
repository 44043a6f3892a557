package dev.hailway.identity.login;

import dev.hailway.identity.accounts.AccountId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Issues opaque refresh tokens and rotates them: each one works once and is replaced by a new one of the same family.
 * Presenting a spent token again is taken as theft (RFC 9700, section 4.14.2): the whole family is revoked, so the
 * thief and the legitimate client both have to sign in again. Call each method in its own transaction, and commit it
 * even when the outcome is a rejection, or the revocation is lost.
 */
public final class RefreshTokenRotation {

    private static final int TOKEN_BYTES = 32;

    private final RefreshTokens tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokenRotation(RefreshTokens tokens, Clock clock, Duration lifetime) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** What the client gets: the token itself, which exists nowhere else. */
    public record Issued(String token, RefreshToken stored) {

        @Override
        public String toString() {
            return "Issued[token=***, stored=" + stored + "]";
        }
    }

    public sealed interface Outcome {
    }

    /** The presented token is spent now; {@code next} replaces it. */
    public record Rotated(AccountId accountId, Issued next) implements Outcome {
    }

    public record Rejected(Reason reason) implements Outcome {
    }

    public enum Reason {
        UNKNOWN,
        EXPIRED,
        /** A spent token came back; its family is revoked now. */
        REUSED
    }

    /** Starts a new family, at login. */
    public Issued startFamily(AccountId accountId) {
        return issue(UUID.randomUUID(), accountId, now());
    }

    public Outcome rotate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 256) {
            return new Rejected(Reason.UNKNOWN);
        }
        var found = tokens.findByHash(TokenHash.of(presented));
        if (found.isEmpty()) {
            return new Rejected(Reason.UNKNOWN);
        }
        RefreshToken token = found.get();
        Instant now = now();
        if (token.isSpent()) {
            tokens.revokeFamily(token.familyId(), now);
            return new Rejected(Reason.REUSED);
        }
        if (token.isExpiredAt(now)) {
            return new Rejected(Reason.EXPIRED);
        }
        if (!tokens.markUsed(token.id(), now)) {
            // Someone spent it between our read and our write: that is reuse too.
            tokens.revokeFamily(token.familyId(), now);
            return new Rejected(Reason.REUSED);
        }
        return new Rotated(token.accountId(), issue(token.familyId(), token.accountId(), now));
    }

    private Issued issue(UUID familyId, AccountId accountId, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var stored = RefreshToken.issue(familyId, accountId, TokenHash.of(token), now, now.plus(lifetime));
        tokens.add(stored);
        return new Issued(token, stored);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
