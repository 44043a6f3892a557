package dev.hailway.identity.accounts;

import java.util.Optional;

/** All accounts: the repository. */
public interface Accounts {

    /** @throws EmailAlreadyRegistered if another account has this address, even one added concurrently */
    void add(Account account);

    Optional<Account> find(AccountId id);

    Optional<Account> findByEmail(EmailAddress email);
}
