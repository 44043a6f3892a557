package dev.hailway.identity.login;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.accounts.PasswordHasher;
import dev.hailway.identity.api.TokenPair;
import java.time.Duration;

/**
 * Login and refresh. Each method must run in its own transaction, committed even when it answers empty (a detected
 * reuse revokes a token family, and that must stick).
 */
public final class SigningIn {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokenRotation refreshTokens;
    private final SignInThrottle throttle;
    /** Checked when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong password. */
    private final String dummyHash;

    public SigningIn(Accounts accounts, PasswordHasher hasher, AccessTokens accessTokens,
            RefreshTokenRotation refreshTokens, SignInThrottle throttle) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.dummyHash = hasher.hash("not a password anyone has: " + System.nanoTime());
    }

    /**
     * A token pair; refused if the e-mail or the password is wrong (deliberately indistinguishable); or throttled when
     * the address failed too often lately, before any password is checked, even the right one (else a lockout would
     * still tell a guesser when a guess is right).
     */
    public LoginResult login(String email, String password) {
        if (password == null || !EmailAddress.isValid(email)) {
            hasher.matches("", dummyHash);
            return new LoginResult.Refused();
        }
        EmailAddress address = EmailAddress.of(email);
        Duration wait = throttle.admit(address);
        if (!wait.isZero()) {
            return new LoginResult.Throttled(wait);
        }
        var account = accounts.findByEmail(address);
        if (account.isEmpty()) {
            hasher.matches(password, dummyHash);
            return new LoginResult.Refused();
        }
        if (!hasher.matches(password, account.get().passwordHash())) {
            return new LoginResult.Refused();
        }
        throttle.succeeded(address);
        return new LoginResult.SignedIn(pairFor(account.get(), refreshTokens.startFamily(account.get().id())));
    }

    public sealed interface LoginResult {

        record SignedIn(TokenPair tokens) implements LoginResult {
        }

        record Refused() implements LoginResult {
        }

        /** Too many failed attempts on this address lately; {@code retryAfter} until the next is let through. */
        record Throttled(Duration retryAfter) implements LoginResult {
        }
    }

    /** A new pair for a valid refresh token, or the reason it was refused. */
    public RefreshResult refresh(String refreshToken) {
        return switch (refreshTokens.rotate(refreshToken)) {
            case RefreshTokenRotation.Rotated rotated -> accounts.find(rotated.accountId())
                    .<RefreshResult>map(account -> new RefreshResult.Refreshed(pairFor(account, rotated.next())))
                    .orElseGet(() -> new RefreshResult.Refused(RefreshTokenRotation.Reason.UNKNOWN));
            case RefreshTokenRotation.Rejected rejected -> new RefreshResult.Refused(rejected.reason());
        };
    }

    public sealed interface RefreshResult {

        record Refreshed(TokenPair tokens) implements RefreshResult {
        }

        record Refused(RefreshTokenRotation.Reason reason) implements RefreshResult {
        }
    }

    private TokenPair pairFor(Account account, RefreshTokenRotation.Issued refresh) {
        return TokenPair.bearer(accessTokens.issue(account), refresh.token(), accessTokens.lifetime().toSeconds());
    }
}
