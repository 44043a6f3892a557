package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.accounts.EmailAlreadyRegistered;
import dev.hailway.identity.api.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcAccounts implements Accounts {

    private final JdbcClient jdbc;

    JdbcAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Account account) {
        // ON CONFLICT instead of catching the unique violation: a failed statement would abort the whole transaction.
        int inserted = jdbc.sql("""
                insert into accounts (id, email, name, role, password_hash, created_at)
                values (:id, :email, :name, :role, :passwordHash, :createdAt)
                on conflict (email) do nothing
                """)
                .param("id", account.id().value())
                .param("email", account.email().value())
                .param("name", account.name())
                .param("role", account.role().name())
                .param("passwordHash", account.passwordHash())
                .param("createdAt", OffsetDateTime.ofInstant(account.createdAt(), ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            throw new EmailAlreadyRegistered();
        }
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return jdbc.sql("select * from accounts where id = :id").param("id", id.value()).query(JdbcAccounts::map)
                .optional();
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return jdbc.sql("select * from accounts where email = :email").param("email", email.value())
                .query(JdbcAccounts::map).optional();
    }

    private static Account map(ResultSet row, int rowNum) throws SQLException {
        return new Account(new AccountId(row.getObject("id", UUID.class)),
                new EmailAddress(row.getString("email")), row.getString("name"), Role.valueOf(row.getString("role")),
                row.getString("password_hash"), instant(row, "created_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }
}
