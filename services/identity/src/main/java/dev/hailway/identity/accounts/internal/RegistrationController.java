package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.EmailAlreadyRegistered;
import dev.hailway.identity.accounts.RegisteringAccounts;
import dev.hailway.identity.api.AccountCreated;
import dev.hailway.platform.web.IdempotentRequests;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
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
        return idempotentRequests.execute(key, request, () -> {
            try {
                var prepared = registering.prepare(request.toRegistration());
                var account = transactions.execute(status -> registering.open(prepared));
                return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                        .body(new AccountCreated(account.id().value()));
            } catch (EmailAlreadyRegistered e) {
                // Says no more than that the address is taken: not by whom, not since when.
                throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Already registered",
                        e.getMessage());
            }
        });
    }
}
