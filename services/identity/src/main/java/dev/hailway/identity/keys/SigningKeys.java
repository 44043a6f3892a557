package dev.hailway.identity.keys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored signing keys. Methods are meant to run inside one transaction per rotation. */
public interface SigningKeys {

    /**
     * Holds off every other rotation, on any instance, until the current transaction ends; without it two instances
     * starting together would each create a first key.
     */
    void lockForRotation();

    Optional<SigningKey> active();

    /** The active key and the keys retired at or after {@code retiredSince}, newest first. */
    List<SigningKey> activeAndRetiredSince(Instant retiredSince);

    void add(SigningKey key);

    void update(SigningKey key);
}
