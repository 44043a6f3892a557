package dev.hailway.identity.accounts;

import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.Role;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * Opens accounts. Call it inside a transaction: the account and its {@link AccountRegistered} event are stored
 * together or not at all.
 */
public final class RegisteringAccounts {

    /** Roles anyone may sign up for; operators are made by other operators or the bootstrap. */
    public static final Set<Role> SELF_SERVICE_ROLES = Set.of(Role.RIDER, Role.DRIVER);

    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final AccountEvents events;
    private final Clock clock;

    public RegisteringAccounts(Accounts accounts, PasswordHasher hasher, AccountEvents events, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.events = events;
        this.clock = clock;
    }

    /** Self-service sign-up. */
    public Account register(Registration registration) {
        if (!SELF_SERVICE_ROLES.contains(registration.role())) {
            throw new IllegalArgumentException("role " + registration.role() + " cannot be self-registered");
        }
        return open(registration);
    }

    /** Any role, for trusted callers (the operator bootstrap). */
    public Account open(Registration registration) {
        PasswordPolicy.require(registration.password());
        var account = new Account(AccountId.random(), registration.email(), registration.name().strip(),
                registration.role(), hasher.hash(registration.password()),
                // PostgreSQL keeps microseconds: truncating here makes the event and the stored row agree.
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        accounts.add(account);
        events.registered(new AccountRegistered(account.id().value(), account.email().value(), account.role(),
                account.name(), account.createdAt()));
        return account;
    }
}
