package dev.hailway.dispatch.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.hailway.dispatch.api.OfferView;

/** Trips being matched, their offers and the assignments that came of them. Writes need a transaction. */
public interface Dispatches {

    /** Records a new dispatch, its first attempt due at once; false if the trip is known already. */
    boolean start(Dispatch dispatch);

    Optional<Dispatch> find(TripId tripId);

    /** As {@link #find}, holding the trip's row lock until the transaction ends: one decision per trip at a time. */
    Optional<Dispatch> lock(TripId tripId);

    boolean hasPendingOffer(TripId tripId);

    /**
     * Among {@code candidates}, the drivers who may not be asked for this trip: asked before for it, on a live
     * trip, or holding a pending offer.
     */
    Set<DriverId> excluded(TripId tripId, Collection<DriverId> candidates);

    /** Stores a pending offer and counts it; no attempt is due while it is out. */
    void offerMade(Offer offer);

    void scheduleAttempt(TripId tripId, Instant at);

    /** Moves the dispatch to {@code status}; anything but MATCHING ends the attempts. */
    void changeStatus(TripId tripId, DispatchStatus status);

    Optional<Offer> findOffer(OfferId offerId);

    /** Closes a pending offer with {@code outcome}; false if it was not pending any more. */
    boolean closeOffer(OfferId offerId, OfferStatus outcome, Instant at);

    /** Counts a declined or expired offer and makes the next attempt due at {@code nextAttempt}. */
    void countRefusal(TripId tripId, Instant nextAttempt);

    /** Pending offers whose time is up at {@code now}, oldest first. */
    List<Offer> expiredPendingOffers(Instant now, int limit);

    /** Trips still matching whose next attempt is due at {@code now}. */
    List<TripId> dueForAttempt(Instant now, int limit);

    /**
     * Makes {@code driverId} the trip's driver.
     *
     * @throws DriverAlreadyAssigned if the driver has a live trip already, or the trip has a driver already
     */
    void assign(TripId tripId, DriverId driverId, OfferId offerId, Instant at);

    /** Withdraws the trip's pending offers; returns how many there were. */
    int withdrawPendingOffers(TripId tripId, Instant at);

    /** Frees the trip's driver for other trips; false if there was no live assignment. */
    boolean releaseAssignment(TripId tripId, Instant at);

    /** The driver's offers that are still open at {@code now}. */
    List<OfferView> openOffersOf(DriverId driverId, Instant now);

    OfferView view(OfferId offerId);
}
