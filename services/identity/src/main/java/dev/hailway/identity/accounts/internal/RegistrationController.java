package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.accounts.EmailAlreadyRegistered;
import dev.hailway.identity.accounts.RegisteringAccounts;
import dev.hailway.identity.api.AccountCreated;
import dev.hailway.platform.web.IdempotentRequests;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    private final RegisteringAccounts registering;
    private final TransactionOperations transactions;
    private final IdempotentRequests idempotentRequests;

    RegistrationController(RegisteringAccounts registering, TransactionOperations transactions,
            IdempotentRequests idempotentRequests) {
        this.registering = registering;
        this.transactions = transactions;
        this.idempotentRequests = idempotentRequests;
    }

    @PostMapping("/api/auth/register")
    ResponseEntity<?> register(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @Valid @RequestBody RegisterAccountRequest request) {
        return idempotentRequests.execute(key, callerFor(request), request, () -> {
            try {
                var prepared = registering.prepare(request.toRegistration());
                var account = transactions.execute(status -> registering.open(prepared));
                // Routed by the gateway too: once signed in, the new account can read itself there.
                return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                        .body(new AccountCreated(account.id().value()));
            } catch (EmailAlreadyRegistered e) {
                // Says no more than that the address is taken: not by whom, not since when.
                throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Already registered",
                        e.getMessage());
            }
        });
    }

    /**
     * Whoever registers is anonymous, so idempotency keys are scoped by the e-mail being registered: two strangers
     * who happen to pick the same key register different addresses and never see each other's answer, while one
     * client retrying its own registration (same address) still gets its first answer, or 422 if it changed the
     * request. The address is hashed so that the keys table holds no e-mail addresses.
     */
    private static String callerFor(RegisterAccountRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EmailAddress.of(request.email()).value().getBytes(StandardCharsets.UTF_8));
            return "registration:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
