package dev.hailway.identity.login.internal;

import dev.hailway.identity.accounts.ControlCharacters;
import dev.hailway.identity.api.TokenPair;
import dev.hailway.identity.login.SigningIn;
import dev.hailway.identity.login.SigningIn.LoginResult;
import dev.hailway.identity.login.SigningIn.RefreshResult.Refreshed;
import dev.hailway.identity.login.SigningIn.RefreshResult.Refused;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    private final SigningIn signingIn;
    private final TransactionOperations transactions;

    LoginController(SigningIn signingIn, TransactionOperations transactions) {
        this.signingIn = signingIn;
        this.transactions = transactions;
    }

    /**
     * Wire shape of {@link dev.hailway.identity.api.LoginRequest}; size limits bound the work a request can cause. No
     * registered address holds a control character, so one in {@code email} is a 400 (a NUL would otherwise reach
     * PostgreSQL, which refuses it). The password is only ever hashed: whatever it holds, a wrong one is the same 401.
     */
    record LoginBody(
            @NotBlank @Size(max = 320)
            @Pattern(regexp = ControlCharacters.NONE, message = "must not contain control characters") String email,
            @NotBlank @Size(max = 1024) String password) {

        @Override
        public String toString() {
            return "LoginBody[email=" + email + ", password=***]";
        }
    }

    /** Wire shape of {@link dev.hailway.identity.api.RefreshRequest}. */
    record RefreshBody(@NotBlank @Size(max = 256) String refreshToken) {

        @Override
        public String toString() {
            return "RefreshBody[refreshToken=***]";
        }
    }

    // No transaction around login: the password check takes ~50 ms and must not hold a connection meanwhile; the
    // only write, the new refresh token, is a single statement.
    @PostMapping("/api/auth/login")
    ResponseEntity<TokenPair> login(@Valid @RequestBody LoginBody body) {
        return switch (signingIn.login(body.email(), body.password())) {
            case LoginResult.SignedIn signedIn -> noStore(signedIn.tokens());
            case LoginResult.Refused refused -> throw unauthorized("The e-mail or the password is wrong.");
            case LoginResult.Throttled throttled -> throw tooManyAttempts(throttled);
        };
    }

    @PostMapping("/api/auth/refresh")
    ResponseEntity<TokenPair> refresh(@Valid @RequestBody RefreshBody body) {
        // Committed whatever the outcome: a detected reuse has revoked the family, and that must stick.
        var result = transactions.execute(status -> signingIn.refresh(body.refreshToken()));
        return switch (result) {
            case Refreshed refreshed -> noStore(refreshed.tokens());
            case Refused refused -> {
                log.info("Refused a refresh token: {}", refused.reason());
                throw unauthorized("The refresh token is not valid. Sign in again.");
            }
        };
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", detail);
    }

    /**
     * Spring's own error type, because it carries headers; platform-web's advice turns it into a {@code rate-limited}
     * problem. The same for every address, known or not.
     */
    private static ErrorResponseException tooManyAttempts(LoginResult.Throttled throttled) {
        long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins for this e-mail address; try again in " + seconds + " s.");
        problem.setTitle("Too many sign-in attempts");
        ErrorResponseException exception = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        exception.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return exception;
    }

    /** RFC 6749 section 5.1: token responses must not be cached. */
    private static ResponseEntity<TokenPair> noStore(TokenPair tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(tokens);
    }
}
