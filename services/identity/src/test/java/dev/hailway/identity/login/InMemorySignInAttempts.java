package dev.hailway.identity.login;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link SignInAttempts} in a map; synchronized, which is as atomic as the database's row lock. */
public final class InMemorySignInAttempts implements SignInAttempts {

    private final Map<String, FailedSignIns> records = new HashMap<>();

    @Override
    public synchronized SignInLimit.Admission decide(String address,
            Function<Optional<FailedSignIns>, SignInLimit.Admission> decide) {
        var admission = decide.apply(Optional.ofNullable(records.get(address)));
        records.put(address, admission.record());
        return admission;
    }

    @Override
    public synchronized void forget(String address) {
        records.remove(address);
    }

    @Override
    public synchronized int forgetQuietSince(Instant cutoff, Instant now) {
        int before = records.size();
        records.values().removeIf(record -> record.lastAttemptAt().isBefore(cutoff)
                && (record.lockedUntil() == null || !record.lockedUntil().isAfter(now)));
        return before - records.size();
    }

    public synchronized Optional<FailedSignIns> recordOf(String address) {
        return Optional.ofNullable(records.get(address));
    }
}
