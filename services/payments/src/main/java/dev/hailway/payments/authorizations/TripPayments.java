package dev.hailway.payments.authorizations;

import dev.hailway.common.api.Money;
import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.payments.api.PaymentReleased;
import dev.hailway.payments.authorizations.Authorization.Captured;
import dev.hailway.payments.authorizations.Authorization.FeeCharged;
import dev.hailway.payments.authorizations.Authorization.Held;
import dev.hailway.payments.authorizations.Authorization.Hold;
import dev.hailway.payments.authorizations.Authorization.Released;
import dev.hailway.payments.ledger.Commission;
import dev.hailway.payments.ledger.EntryKind;
import dev.hailway.payments.ledger.JournalEntry;
import dev.hailway.payments.ledger.Ledger;
import dev.hailway.payments.ledger.Split;
import dev.hailway.payments.methods.PaymentMethod;
import dev.hailway.payments.methods.PaymentMethodId;
import dev.hailway.payments.methods.PaymentMethods;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripRequested;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Payments' part of the ride saga, one method per trip event:
 * <ol>
 *   <li>{@code TripRequested}: hold the fare on the rider's method → {@code PaymentAuthorized}, or
 *       {@code PaymentDeclined} (unknown or foreign method, declining card);</li>
 *   <li>{@code TripCompleted}: capture the fare (at most the hold), book it, pay the driver less commission →
 *       {@code PaymentCaptured};</li>
 *   <li>{@code TripCancelled} without a fee: release the hold → {@code PaymentReleased}; with a fee: capture
 *       the fee (at most the hold), release the rest, book it → {@code CancellationFeeCharged}.</li>
 * </ol>
 * A cancelled or completed trip that was never authorized (declined, or never requested here) has nothing to
 * settle: nothing is booked and nothing published, since trips already knows from {@code PaymentDeclined}.
 * Every step happens at most once per trip: a second delivery finds the step done and changes nothing.
 * Each method runs inside the caller's transaction, which also stores the events (outbox).
 */
public final class TripPayments {

    private final PaymentMethods methods;
    private final Authorizations authorizations;
    private final Ledger ledger;
    private final Commission commission;
    private final PaymentEvents events;
    private final Clock clock;

    public TripPayments(PaymentMethods methods, Authorizations authorizations, Ledger ledger, Commission commission,
                        PaymentEvents events, Clock clock) {
        this.methods = methods;
        this.authorizations = authorizations;
        this.ledger = ledger;
        this.commission = commission;
        this.events = events;
        this.clock = clock;
    }

    public void requested(TripRequested trip) {
        if (authorizations.isDeclined(trip.tripId()) || authorizations.ofTripForUpdate(trip.tripId()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Optional<PaymentMethod> method = trip.paymentMethodId() == null ? Optional.empty()
                : methods.find(new PaymentMethodId(trip.paymentMethodId()));
        switch (AuthorizationDecision.decide(trip.riderId(), trip.fare(), method)) {
            case AuthorizationDecision.Approve approve -> {
                var hold = new Hold(UUID.randomUUID(), trip.tripId(), trip.riderId(),
                        new PaymentMethodId(trip.paymentMethodId()), trip.fare(), now);
                if (authorizations.hold(hold)) {
                    events.authorized(new PaymentAuthorized(hold.id(), trip.tripId(), trip.riderId(), hold.amount(), now));
                }
            }
            case AuthorizationDecision.Decline decline -> {
                if (authorizations.decline(trip.tripId(), trip.riderId(), decline.reason(), now)) {
                    events.declined(new PaymentDeclined(trip.tripId(), trip.riderId(), decline.reason(), now));
                }
            }
        }
    }

    public void completed(TripCompleted trip) {
        var authorization = authorizations.ofTripForUpdate(trip.tripId());
        if (authorization.isEmpty()) {
            return;
        }
        switch (authorization.get()) {
            case Held held -> {
                Captured captured = held.capture(trip.fare() == null ? held.hold().amount() : trip.fare(), clock.instant());
                if (!authorizations.settle(captured)) {
                    return;
                }
                Split split = commission.split(captured.captured());
                ledger.post(JournalEntry.charge(EntryKind.FARE_CAPTURE, trip.tripId(), held.hold().riderId(),
                        trip.driverId(), split, captured.at()));
                events.captured(new PaymentCaptured(trip.tripId(), held.hold().riderId(), trip.driverId(),
                        captured.captured(), split.commission(), split.driverEarnings(), captured.at()));
            }
            case Captured _, Released _, FeeCharged _ -> {
                // Already settled: this is a redelivery or a replay, and it changes nothing.
            }
        }
    }

    public void cancelled(TripCancelled trip) {
        var authorization = authorizations.ofTripForUpdate(trip.tripId());
        if (authorization.isEmpty()) {
            return;
        }
        switch (authorization.get()) {
            case Held held -> settleCancellation(held, trip);
            case Captured _, Released _, FeeCharged _ -> {
                // Already settled: this is a redelivery or a replay, and it changes nothing.
            }
        }
    }

    private void settleCancellation(Held held, TripCancelled trip) {
        Instant now = clock.instant();
        Hold hold = held.hold();
        Money fee = trip.cancellationFee();
        if (fee == null || fee.amount() <= 0) {
            if (authorizations.settle(held.release(now))) {
                events.released(new PaymentReleased(trip.tripId(), hold.riderId(), hold.amount(), now));
            }
            return;
        }
        FeeCharged charged = held.chargeFee(fee, now);
        if (!authorizations.settle(charged)) {
            return;
        }
        Split split = trip.driverId() == null ? Commission.platformOnly(charged.fee()) : commission.split(charged.fee());
        ledger.post(JournalEntry.charge(EntryKind.CANCELLATION_FEE, trip.tripId(), hold.riderId(), trip.driverId(),
                split, now));
        events.feeCharged(new CancellationFeeCharged(trip.tripId(), hold.riderId(), trip.driverId(), charged.fee(),
                split.driverEarnings(), now));
    }
}
