package dev.hailway.identity.operators;

import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.accounts.EmailAlreadyRegistered;
import dev.hailway.identity.accounts.Registration;
import dev.hailway.identity.accounts.RegisteringAccounts;
import dev.hailway.identity.api.Role;

/**
 * Makes sure the first operator exists, so that a fresh installation can be administered. Only creates: an existing
 * account with that address is left as it is (its password is not reset from the environment on every start).
 */
public final class OperatorBootstrap {

    private final Accounts accounts;
    private final RegisteringAccounts registering;

    public OperatorBootstrap(Accounts accounts, RegisteringAccounts registering) {
        this.accounts = accounts;
        this.registering = registering;
    }

    /** True if it created the operator now. Call it in a transaction. */
    public boolean ensureOperator(String email, String password) {
        if (!EmailAddress.isValid(email)) {
            throw new IllegalArgumentException("the bootstrap operator's e-mail is not an address");
        }
        var address = EmailAddress.of(email);
        if (accounts.findByEmail(address).isPresent()) {
            return false;
        }
        try {
            var operator = new Registration(Role.OPERATOR, address, password, "Operator");
            registering.open(registering.prepareAnyRole(operator));
            return true;
        } catch (EmailAlreadyRegistered racedByAnotherInstance) {
            return false;
        }
    }
}
