package dev.hailway.payments.authorizations;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds and declines, one of either per trip at most (the trip id is the key of both), so that a redelivered or
 * replayed event can never hold twice, with or without the inbox.
 */
public interface Authorizations {

    /** The trip's authorization, locked until the transaction ends so that two settlements cannot race. */
    Optional<Authorization> ofTripForUpdate(UUID tripId);

    boolean isDeclined(UUID tripId);

    /** @return false when the trip already has a hold (nothing is written then) */
    boolean hold(Authorization.Hold hold);

    /** @return false when the trip was already declined */
    boolean decline(UUID tripId, UUID riderId, String reason, Instant at);

    /** Moves a held authorization to its settled state; false when it was not held any more. */
    boolean settle(Authorization settled);
}
