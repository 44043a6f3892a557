package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.api.AccountView;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AccountsController {

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/me")
    AccountView me(@AuthenticationPrincipal Jwt token) {
        return view(accountOf(token));
    }

    /** Where {@code Location} of a registration points; an account may read itself, an operator any account. */
    @GetMapping("/api/accounts/{id}")
    @PreAuthorize("hasRole('OPERATOR') or #id.toString() == authentication.name")
    AccountView account(@PathVariable UUID id) {
        return view(new AccountId(id));
    }

    private AccountView view(AccountId id) {
        // A valid token for a deleted account is possible until it expires.
        return accounts.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "No such account.")).view();
    }

    private static AccountId accountOf(Jwt token) {
        try {
            return AccountId.of(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    "The token does not name an account.");
        }
    }
}
