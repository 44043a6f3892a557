package dev.hailway.identity.login;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.accounts.PasswordHasher;
import dev.hailway.identity.api.TokenPair;
import java.util.Optional;

/**
 * Login and refresh. Each method must run in its own transaction, committed even when it answers empty (a detected
 * reuse revokes a token family, and that must stick).
 */
public final class SigningIn {

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokenRotation refreshTokens;
    /** Checked when the e-mail is unknown, so that a wrong e-mail takes as long as a wrong password. */
    private final String dummyHash;

    public SigningIn(Accounts accounts, PasswordHasher hasher, AccessTokens accessTokens,
            RefreshTokenRotation refreshTokens) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.dummyHash = hasher.hash("not a password anyone has: " + System.nanoTime());
    }

    /** A token pair, or empty if the e-mail or the password is wrong (deliberately indistinguishable). */
    public Optional<TokenPair> login(String email, String password) {
        if (password == null || !EmailAddress.isValid(email)) {
            hasher.matches("", dummyHash);
            return Optional.empty();
        }
        var account = accounts.findByEmail(EmailAddress.of(email));
        if (account.isEmpty()) {
            hasher.matches(password, dummyHash);
            return Optional.empty();
        }
        if (!hasher.matches(password, account.get().passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(pairFor(account.get(), refreshTokens.startFamily(account.get().id())));
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
