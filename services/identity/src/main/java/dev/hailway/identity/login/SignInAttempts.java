package dev.hailway.identity.login;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The stored {@link FailedSignIns} of each address, shared by every identity instance. */
public interface SignInAttempts {

    /**
     * Reads the address's record, lets {@code decide} judge the attempt, and stores the record it leaves, as one
     * atomic step: of two attempts at once on one address, one is decided after the other has been stored.
     */
    SignInLimit.Admission decide(String address, Function<Optional<FailedSignIns>, SignInLimit.Admission> decide);

    /** Forgets the address's record (it signed in). */
    void forget(String address);

    /** Forgets every record whose last attempt came before {@code cutoff} and whose lockout is over by {@code now}. */
    int forgetQuietSince(Instant cutoff, Instant now);
}
