package dev.hailway.identity.login.internal;

import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.login.RefreshToken;
import dev.hailway.identity.login.RefreshTokens;
import dev.hailway.identity.login.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcRefreshTokens implements RefreshTokens {

    private final JdbcClient jdbc;

    JdbcRefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RefreshToken token) {
        jdbc.sql("""
                insert into refresh_tokens (id, family_id, account_id, token_hash, issued_at, expires_at, used_at, revoked_at)
                values (:id, :familyId, :accountId, :hash, :issuedAt, :expiresAt, :usedAt, :revokedAt)
                """)
                .param("id", token.id())
                .param("familyId", token.familyId())
                .param("accountId", token.accountId().value())
                .param("hash", token.hash().hex())
                .param("issuedAt", timestamp(token.issuedAt()))
                .param("expiresAt", timestamp(token.expiresAt()))
                .param("usedAt", timestamp(token.usedAt()))
                .param("revokedAt", timestamp(token.revokedAt()))
                .update();
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return jdbc.sql("select * from refresh_tokens where token_hash = :hash").param("hash", hash.hex())
                .query(JdbcRefreshTokens::map).optional();
    }

    @Override
    public boolean markUsed(UUID id, Instant at) {
        return jdbc.sql("""
                update refresh_tokens set used_at = :at
                where id = :id and used_at is null and revoked_at is null
                """).param("id", id).param("at", timestamp(at)).update() == 1;
    }

    @Override
    public int revokeFamily(UUID familyId, Instant at) {
        return jdbc.sql("update refresh_tokens set revoked_at = :at where family_id = :familyId and revoked_at is null")
                .param("familyId", familyId).param("at", timestamp(at)).update();
    }

    private static RefreshToken map(ResultSet row, int rowNum) throws SQLException {
        return new RefreshToken(row.getObject("id", UUID.class), row.getObject("family_id", UUID.class),
                new AccountId(row.getObject("account_id", UUID.class)), new TokenHash(row.getString("token_hash")),
                instant(row, "issued_at"), instant(row, "expires_at"), instant(row, "used_at"),
                instant(row, "revoked_at"));
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
