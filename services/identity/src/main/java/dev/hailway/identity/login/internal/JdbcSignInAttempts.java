package dev.hailway.identity.login.internal;

import dev.hailway.identity.login.FailedSignIns;
import dev.hailway.identity.login.SignInAttempts;
import dev.hailway.identity.login.SignInLimit.Admission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@code sign_in_attempts}, one row per address, keyed by the SHA-256 of the normalised address: the table holds
 * whatever addresses strangers try, and those need not be kept in clear (nor at whatever length they come).
 * A decision locks its row ({@code for update}), so instances sharing the database decide one attempt at a time.
 */
final class JdbcSignInAttempts implements SignInAttempts {

    private static final int FIRST_INSERT_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    JdbcSignInAttempts(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Admission decide(String address, Function<Optional<FailedSignIns>, Admission> decide) {
        String key = digest(address);
        for (int attempt = 1; ; attempt++) {
            Optional<Admission> decided = transactions.execute(status -> decideOnce(key, decide));
            if (decided.isPresent()) {
                return decided.get();
            }
            if (attempt == FIRST_INSERT_ATTEMPTS) {
                throw new IllegalStateException("could not record a sign-in attempt: its row keeps changing");
            }
        }
    }

    /** Empty when a concurrent first attempt on the same address inserted its row first: decide again, on that row. */
    private Optional<Admission> decideOnce(String key, Function<Optional<FailedSignIns>, Admission> decide) {
        Optional<FailedSignIns> stored = jdbc.sql("""
                        select failures, window_started_at, lockouts, locked_until, last_attempt_at
                        from sign_in_attempts where address_hash = :key for update""")
                .param("key", key)
                .query(JdbcSignInAttempts::map)
                .optional();
        Admission admission = decide.apply(stored);
        FailedSignIns next = admission.record();
        if (stored.isEmpty()) {
            int inserted = jdbc.sql("""
                            insert into sign_in_attempts
                                (address_hash, failures, window_started_at, lockouts, locked_until, last_attempt_at)
                            values (:key, :failures, :windowStartedAt, :lockouts, :lockedUntil, :lastAttemptAt)
                            on conflict (address_hash) do nothing""")
                    .param("key", key)
                    .params(columns(next))
                    .update();
            return inserted == 1 ? Optional.of(admission) : Optional.empty();
        }
        if (!next.equals(stored.get())) {
            jdbc.sql("""
                            update sign_in_attempts
                            set failures = :failures, window_started_at = :windowStartedAt, lockouts = :lockouts,
                                locked_until = :lockedUntil, last_attempt_at = :lastAttemptAt
                            where address_hash = :key""")
                    .param("key", key)
                    .params(columns(next))
                    .update();
        }
        return Optional.of(admission);
    }

    @Override
    public void forget(String address) {
        jdbc.sql("delete from sign_in_attempts where address_hash = :key").param("key", digest(address)).update();
    }

    @Override
    public int forgetQuietSince(Instant cutoff, Instant now) {
        return jdbc.sql("""
                        delete from sign_in_attempts
                        where last_attempt_at < :cutoff and (locked_until is null or locked_until <= :now)""")
                .param("cutoff", timestamp(cutoff))
                .param("now", timestamp(now))
                .update();
    }

    private static Map<String, Object> columns(FailedSignIns record) {
        var columns = new HashMap<String, Object>();
        columns.put("failures", record.failures());
        columns.put("windowStartedAt", timestamp(record.windowStartedAt()));
        columns.put("lockouts", record.lockouts());
        columns.put("lockedUntil", timestamp(record.lockedUntil()));
        columns.put("lastAttemptAt", timestamp(record.lastAttemptAt()));
        return columns;
    }

    private static FailedSignIns map(ResultSet row, int rowNum) throws SQLException {
        return new FailedSignIns(row.getInt("failures"), instant(row, "window_started_at"), row.getInt("lockouts"),
                instant(row, "locked_until"), instant(row, "last_attempt_at"));
    }

    static String digest(String address) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
