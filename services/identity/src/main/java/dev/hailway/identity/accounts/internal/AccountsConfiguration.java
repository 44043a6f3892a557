package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.AccountEvents;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.PasswordHasher;
import dev.hailway.identity.accounts.RegisteringAccounts;
import dev.hailway.platform.events.Events;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    PasswordHasher passwordHasher() {
        return new Argon2PasswordHasher();
    }

    @Bean
    Accounts accounts(JdbcClient jdbc) {
        return new JdbcAccounts(jdbc);
    }

    @Bean
    AccountEvents accountEvents(Events events) {
        return new OutboxAccountEvents(events);
    }

    @Bean
    RegisteringAccounts registeringAccounts(Accounts accounts, PasswordHasher hasher, AccountEvents events, Clock clock) {
        return new RegisteringAccounts(accounts, hasher, events, clock);
    }
}
