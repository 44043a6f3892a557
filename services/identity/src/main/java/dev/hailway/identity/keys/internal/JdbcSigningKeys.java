package dev.hailway.identity.keys.internal;

import dev.hailway.identity.keys.KeyId;
import dev.hailway.identity.keys.KeyState;
import dev.hailway.identity.keys.SigningKey;
import dev.hailway.identity.keys.SigningKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcSigningKeys implements SigningKeys {

    /** Any constant unique among this database's advisory locks; identity owns its database, so this one is free. */
    private static final long ROTATION_LOCK = 0x1d3e_7717_0001L;

    private final JdbcClient jdbc;

    JdbcSigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockForRotation() {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", ROTATION_LOCK).query().singleValue();
    }

    @Override
    public Optional<SigningKey> active() {
        return jdbc.sql("select * from signing_keys where state = 'ACTIVE'").query(JdbcSigningKeys::map).optional();
    }

    @Override
    public List<SigningKey> activeAndRetiredSince(Instant retiredSince) {
        return jdbc.sql("""
                select * from signing_keys
                where state = 'ACTIVE' or retired_at >= :since
                order by created_at desc
                """).param("since", timestamp(retiredSince)).query(JdbcSigningKeys::map).list();
    }

    @Override
    public void add(SigningKey key) {
        jdbc.sql("""
                insert into signing_keys (kid, state, public_key, private_key, created_at, retired_at)
                values (:kid, :state, :publicKey, :privateKey, :createdAt, :retiredAt)
                """)
                .param("kid", key.id().value())
                .param("state", key.state().name())
                .param("publicKey", key.publicKey().getEncoded())
                .param("privateKey", key.privateKey().getEncoded())
                .param("createdAt", timestamp(key.createdAt()))
                .param("retiredAt", timestamp(key.retiredAt()))
                .update();
    }

    @Override
    public void update(SigningKey key) {
        jdbc.sql("update signing_keys set state = :state, retired_at = :retiredAt where kid = :kid")
                .param("kid", key.id().value())
                .param("state", key.state().name())
                .param("retiredAt", timestamp(key.retiredAt()))
                .update();
    }

    private static SigningKey map(ResultSet row, int rowNum) throws SQLException {
        try {
            var rsa = KeyFactory.getInstance("RSA");
            var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(row.getBytes("public_key")));
            var privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(row.getBytes("private_key")));
            var retired = row.getObject("retired_at", OffsetDateTime.class);
            return new SigningKey(new KeyId(row.getString("kid")), KeyState.valueOf(row.getString("state")), publicKey,
                    privateKey, row.getObject("created_at", OffsetDateTime.class).toInstant(),
                    retired == null ? null : retired.toInstant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + row.getString("kid") + " cannot be read", e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
