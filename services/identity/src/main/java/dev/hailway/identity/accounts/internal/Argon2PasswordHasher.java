package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.PasswordHasher;
import java.util.concurrent.Semaphore;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id (RFC 9106), 12 MiB, 5 passes, 1 lane: one of OWASP's equivalent settings. Measured on this project's
 * 2-core machines: about 55 ms per hash with the full JIT, 135 ms under the launcher's {@code -XX:TieredStopAtLevel=1};
 * we aim for 50 to 150 ms (Spring's own defaults, 16 MiB × 2, took 40 ms).
 * Each hash holds its memory on the heap, and the service runs in about 160 MiB, so at most as many hashes as there
 * are cores run at once; the rest wait, which is also all the CPU there is anyway.
 * The parameters are stored in each hash, so raising them later does not break existing ones.
 */
final class Argon2PasswordHasher implements PasswordHasher {

    static final int MEMORY_KIB = 12 * 1024;
    static final int ITERATIONS = 5;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
    private final Semaphore permits = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    @Override
    public String hash(String password) {
        permits.acquireUninterruptibly();
        try {
            return encoder.encode(password);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(String password, String hash) {
        permits.acquireUninterruptibly();
        try {
            return encoder.matches(password, hash);
        } finally {
            permits.release();
        }
    }
}
