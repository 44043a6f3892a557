package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.EmailAlreadyRegistered;
import dev.hailway.identity.accounts.RegisteringAccounts;
import dev.hailway.identity.api.AccountCreated;
import dev.hailway.identity.web.Problems;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistrationController {

    private final RegisteringAccounts registering;
    private final TransactionOperations transactions;

    RegistrationController(RegisteringAccounts registering, TransactionOperations transactions) {
        this.registering = registering;
        this.transactions = transactions;
    }

    @PostMapping("/api/auth/register")
    ResponseEntity<AccountCreated> register(@Valid @RequestBody RegisterAccountRequest request) {
        try {
            var account = transactions.execute(status -> registering.register(request.toRegistration()));
            return ResponseEntity.created(URI.create("/api/accounts/" + account.id()))
                    .body(new AccountCreated(account.id().value()));
        } catch (EmailAlreadyRegistered e) {
            throw Problems.conflict(e.getMessage());
        }
    }
}
