package dev.hailway.dispatch.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.dispatch.api.OfferDeclined;
import dev.hailway.dispatch.api.OfferExpired;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.dispatch.api.OfferView;
import dev.hailway.drivers.api.VehicleClass;
import org.jspecify.annotations.Nullable;

/**
 * Matches trips to drivers, one offer at a time.
 *
 * <p>The steps of a trip: {@link #start} records it; {@link #attempt} asks location for candidates (outside any
 * transaction, since that call may take seconds) and then, under the trip's row lock, offers it to the nearest
 * driver who may be asked, or schedules another attempt, or gives up. {@link #accept}, {@link #decline} and
 * {@link #expireDueOffers} close the offer; after a refusal the next attempt is due at once. {@link #cancel}
 * and {@link #release} end it from the trip's side.
 *
 * <p>Every state change and its event commit together; a decision is always re-checked under the lock, so
 * attempts that race (the sweep, a listener, a decline) make at most one offer.
 */
public final class Matching {

    private final Dispatches dispatches;
    private final CandidateFinder candidates;
    private final DispatchEvents events;
    private final DispatchMetrics metrics;
    private final Transactions transactions;
    private final MatchingRules rules;
    private final Clock clock;

    public Matching(Dispatches dispatches, CandidateFinder candidates, DispatchEvents events, DispatchMetrics metrics,
                    Transactions transactions, MatchingRules rules, Clock clock) {
        this.dispatches = dispatches;
        this.candidates = candidates;
        this.events = events;
        this.metrics = metrics;
        this.transactions = transactions;
        this.rules = rules;
        this.clock = clock;
    }

    /** A trip to match; nothing happens if the trip is known already. Call inside a transaction. */
    public boolean start(TripId tripId, UUID riderId, GeoPoint pickup, GeoPoint dropoff,
                         @Nullable VehicleClass vehicleClass, Money fare) {
        Instant now = now();
        return dispatches.start(new Dispatch(tripId, riderId, pickup, dropoff, vehicleClass, fare,
                DispatchStatus.MATCHING, 0, 0, now, now.plus(rules.deadline())));
    }

    /** Tries to move the trip on: an offer, a later attempt, or giving up. Call outside any transaction. */
    public void attempt(TripId tripId) {
        Optional<Dispatch> found = dispatches.find(tripId);
        if (found.isEmpty() || found.get().status() != DispatchStatus.MATCHING || dispatches.hasPendingOffer(tripId)) {
            return;
        }
        List<Candidate> near = List.of();
        if (rules.reasonToGiveUp(found.get(), now()).isEmpty()) {
            try {
                near = candidates.near(found.get().pickup(), found.get().vehicleClass());
            } catch (CandidateFinder.CandidatesUnavailable e) {
                metrics.candidatesUnavailable();
                transactions.inTransaction(() -> dispatches.lock(tripId)
                        .filter(dispatch -> dispatch.status() == DispatchStatus.MATCHING)
                        .ifPresent(dispatch -> dispatches.scheduleAttempt(tripId, rules.retryAt(dispatch, now()))));
                return;
            }
        }
        List<Candidate> offered = near;
        Decision made = transactions.inTransaction(() -> decide(tripId, offered));
        switch (made) {
            case Decision.MakeOffer ignored -> metrics.offerMade();
            case Decision.GiveUp ignored -> metrics.noDriverFound();
            case Decision.TryAgain ignored -> {
            }
            case null -> {
            }
        }
    }

    private @Nullable Decision decide(TripId tripId, List<Candidate> near) {
        Optional<Dispatch> locked = dispatches.lock(tripId);
        if (locked.isEmpty() || locked.get().status() != DispatchStatus.MATCHING || dispatches.hasPendingOffer(tripId)) {
            return null;
        }
        Dispatch dispatch = locked.get();
        Instant now = now();
        Set<DriverId> excluded = dispatches.excluded(tripId, near.stream().map(Candidate::driverId).toList());
        Decision decision = rules.decide(dispatch, near, excluded, now);
        switch (decision) {
            case Decision.MakeOffer(Candidate candidate) -> {
                Offer offer = new Offer(OfferId.random(), tripId, candidate.driverId(), candidate.distanceMeters(),
                        OfferStatus.PENDING, now, rules.expiryOfOfferMadeAt(now));
                dispatches.offerMade(offer);
                events.offerMade(new OfferMade(offer.id().value(), tripId.value(), offer.driverId().value(),
                        dispatch.pickup(), dispatch.dropoff(), dispatch.fare(), offer.distanceMeters(),
                        offer.expiresAt(), now));
            }
            case Decision.TryAgain(Instant at) -> dispatches.scheduleAttempt(tripId, at);
            case Decision.GiveUp(String why) -> {
                dispatches.changeStatus(tripId, DispatchStatus.GAVE_UP);
                events.noDriverFound(new NoDriverFound(tripId.value(), dispatch.offersMade(), why, now));
            }
        }
        return decision;
    }

    /**
     * The driver takes the trip.
     *
     * @throws OfferNotFound         if the offer is not this driver's
     * @throws OfferClosed           if it expired, was withdrawn or answered before
     * @throws DriverAlreadyAssigned if the driver is on another live trip; the offer is then withdrawn and the
     *                               trip goes to the next candidate
     */
    public OfferView accept(OfferId offerId, DriverId driverId) {
        Offer offer = offerOf(offerId, driverId);
        try {
            Duration waited = transactions.inTransaction(() -> {
                Dispatch dispatch = dispatches.lock(offer.tripId()).orElseThrow(() -> new OfferNotFound(offerId));
                Instant now = now();
                Offer current = openOffer(offerId, now);
                dispatches.closeOffer(offerId, OfferStatus.ACCEPTED, now);
                dispatches.assign(current.tripId(), driverId, offerId, now);
                dispatches.changeStatus(current.tripId(), DispatchStatus.ASSIGNED);
                events.driverAssigned(new DriverAssigned(current.tripId().value(), driverId.value(), offerId.value(),
                        now));
                return Duration.between(dispatch.startedAt(), now);
            });
            metrics.driverAssigned(waited);
        } catch (DriverAlreadyAssigned e) {
            transactions.inTransaction(() -> {
                dispatches.lock(offer.tripId());
                if (dispatches.closeOffer(offerId, OfferStatus.WITHDRAWN, now())) {
                    dispatches.scheduleAttempt(offer.tripId(), now());
                }
            });
            throw e;
        }
        return dispatches.view(offerId);
    }

    /**
     * The driver says no; the trip's next attempt is due at once.
     *
     * @throws OfferNotFound if the offer is not this driver's
     * @throws OfferClosed   if it expired, was withdrawn or answered before
     */
    public OfferView decline(OfferId offerId, DriverId driverId) {
        Offer offer = offerOf(offerId, driverId);
        transactions.inTransaction(() -> {
            dispatches.lock(offer.tripId());
            Instant now = now();
            openOffer(offerId, now);
            dispatches.closeOffer(offerId, OfferStatus.DECLINED, now);
            dispatches.countRefusal(offer.tripId(), now);
            events.offerDeclined(new OfferDeclined(offerId.value(), offer.tripId().value(), driverId.value(), now));
        });
        metrics.offerDeclined();
        return dispatches.view(offerId);
    }

    /** Expires offers whose time is up; returns the trips whose next attempt is now due. */
    public List<TripId> expireDueOffers(int limit) {
        return dispatches.expiredPendingOffers(now(), limit).stream()
                .filter(offer -> transactions.inTransaction(() -> {
                    dispatches.lock(offer.tripId());
                    Instant now = now();
                    if (!dispatches.closeOffer(offer.id(), OfferStatus.EXPIRED, now)) {
                        return false;
                    }
                    dispatches.countRefusal(offer.tripId(), now);
                    events.offerExpired(new OfferExpired(offer.id().value(), offer.tripId().value(),
                            offer.driverId().value(), now));
                    metrics.offerExpired();
                    return true;
                }))
                .map(Offer::tripId)
                .toList();
    }

    public List<TripId> dueForAttempt(int limit) {
        return dispatches.dueForAttempt(now(), limit);
    }

    /**
     * The trip was cancelled: matching stops, pending offers are withdrawn, its driver is free again. Call
     * inside a transaction.
     */
    public void cancel(TripId tripId) {
        if (dispatches.lock(tripId).isEmpty()) {
            return;
        }
        Instant now = now();
        dispatches.changeStatus(tripId, DispatchStatus.CANCELLED);
        dispatches.withdrawPendingOffers(tripId, now);
        dispatches.releaseAssignment(tripId, now);
    }

    /** The trip is over (paid): its driver is free for new offers. Call inside a transaction. */
    public void release(TripId tripId) {
        dispatches.releaseAssignment(tripId, now());
    }

    public List<OfferView> openOffersOf(DriverId driverId) {
        return dispatches.openOffersOf(driverId, now());
    }

    private Offer offerOf(OfferId offerId, DriverId driverId) {
        return dispatches.findOffer(offerId)
                .filter(offer -> offer.driverId().equals(driverId))
                .orElseThrow(() -> new OfferNotFound(offerId));
    }

    /** The offer as it is now, under the trip's lock, if it may still be answered. */
    private Offer openOffer(OfferId offerId, Instant now) {
        Offer offer = dispatches.findOffer(offerId).orElseThrow(() -> new OfferNotFound(offerId));
        if (offer.status() == OfferStatus.PENDING && !offer.isOpenAt(now)) {
            // Its time is up; the sweep will record the expiry and move on to the next driver.
            throw new OfferClosed(offerId, OfferStatus.EXPIRED);
        }
        if (offer.status() != OfferStatus.PENDING) {
            throw new OfferClosed(offerId, offer.status());
        }
        return offer;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: truncating makes events and stored rows agree.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
