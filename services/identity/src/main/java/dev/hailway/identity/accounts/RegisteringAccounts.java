package dev.hailway.identity.accounts;

import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.Role;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Opens accounts: the account and its {@link AccountRegistered} event are stored together or not at all. */
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

    /** An account checked and with its password hashed, not stored yet. */
    public record Prepared(Account account) {
    }

    /**
     * Self-service sign-up, step one: checks and hashes. No I/O, so call it outside the transaction: the hash takes
     * tens of milliseconds and should not hold a database connection meanwhile.
     */
    public Prepared prepare(Registration registration) {
        if (!SELF_SERVICE_ROLES.contains(registration.role())) {
            throw new IllegalArgumentException("role " + registration.role() + " cannot be self-registered");
        }
        return prepareAnyRole(registration);
    }

    /** As {@link #prepare} but for any role, for trusted callers (the operator bootstrap). */
    public Prepared prepareAnyRole(Registration registration) {
        PasswordPolicy.require(registration.password());
        return new Prepared(new Account(AccountId.random(), registration.email(), registration.name().strip(),
                registration.role(), hasher.hash(registration.password()),
                // PostgreSQL keeps microseconds: truncating here makes the event and the stored row agree.
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /**
     * Step two, inside a transaction: stores the account and its {@link AccountRegistered} event together.
     *
     * @throws EmailAlreadyRegistered if the address is taken
     */
    public Account open(Prepared prepared) {
        var account = prepared.account();
        accounts.add(account);
        events.registered(new AccountRegistered(account.id().value(), account.email().value(), account.role(),
                account.name(), account.createdAt()));
        return account;
    }

    /** Both steps at once, for callers that are not in a transaction or do not mind the hash inside it. */
    public Account register(Registration registration) {
        return open(prepare(registration));
    }
}
