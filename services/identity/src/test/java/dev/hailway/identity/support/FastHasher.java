package dev.hailway.identity.support;

import dev.hailway.identity.accounts.PasswordHasher;
import java.util.concurrent.atomic.AtomicInteger;

/** Reversible and instant: unit tests are about the rules around hashing, not hashing. Counts checks. */
public final class FastHasher implements PasswordHasher {

    public final AtomicInteger checks = new AtomicInteger();

    @Override
    public String hash(String password) {
        return "hashed:" + password;
    }

    @Override
    public boolean matches(String password, String hash) {
        checks.incrementAndGet();
        return hash.equals("hashed:" + password);
    }
}
