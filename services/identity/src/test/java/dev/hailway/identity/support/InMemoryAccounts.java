package dev.hailway.identity.support;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.accounts.EmailAlreadyRegistered;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class InMemoryAccounts implements Accounts {

    private final Map<AccountId, Account> byId = new LinkedHashMap<>();

    @Override
    public void add(Account account) {
        if (findByEmail(account.email()).isPresent()) {
            throw new EmailAlreadyRegistered();
        }
        byId.put(account.id(), account);
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(account -> account.email().equals(email)).findFirst();
    }

    public List<Account> all() {
        return List.copyOf(byId.values());
    }
}
