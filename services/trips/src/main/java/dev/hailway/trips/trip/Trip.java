package dev.hailway.trips.trip;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverArrived;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.Decision.Move;
import dev.hailway.trips.trip.Decision.Refusal;
import dev.hailway.trips.trip.TripState.Cancelled;
import dev.hailway.trips.trip.TripState.Completed;
import dev.hailway.trips.trip.TripState.DriverArrived;
import dev.hailway.trips.trip.TripState.DriverAssigned;
import dev.hailway.trips.trip.TripState.InProgress;
import dev.hailway.trips.trip.TripState.Paid;
import dev.hailway.trips.trip.TripState.PaymentAuthorized;
import dev.hailway.trips.trip.TripState.Requested;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A trip and its state machine. Every transition is an exhaustive switch over the state: a new state makes the
 * compiler point at every place that has to decide what it means. A transition never throws for a trip in the
 * wrong state; it answers a {@link Refusal}, because the saga must shrug off late and duplicate events while
 * an HTTP caller is told 409.
 *
 * @param fare the quoted fare: held at request, captured on completion
 */
public record Trip(TripId id, RiderId riderId, QuoteId quoteId, UUID paymentMethodId, GeoPoint pickup,
                   GeoPoint dropoff, VehicleClass vehicleClass, Money fare, Instant requestedAt, TripState state,
                   Instant updatedAt) {

    public Trip {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(riderId, "riderId");
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(paymentMethodId, "paymentMethodId");
        Objects.requireNonNull(pickup, "pickup");
        Objects.requireNonNull(dropoff, "dropoff");
        Objects.requireNonNull(vehicleClass, "vehicleClass");
        Objects.requireNonNull(fare, "fare");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new trip and its {@link TripRequested}: payments is to hold the fare. */
    public static Move request(TripId id, RiderId rider, QuoteId quote, UUID paymentMethodId, GeoPoint pickup,
                               GeoPoint dropoff, VehicleClass vehicleClass, Money fare, Instant now) {
        var trip = new Trip(id, rider, quote, paymentMethodId, pickup, dropoff, vehicleClass, fare, now,
                new Requested(), now);
        var event = new TripRequested(id.value(), rider.value(), quote.value(), pickup, dropoff, vehicleClass, fare,
                paymentMethodId, now);
        // "before" is the trip itself: a request has no earlier state, the history records from_status null.
        return new Move(trip, trip, event, "requested by rider");
    }

    public TripStatus status() {
        return state.status();
    }

    /** The assigned driver; null before assignment. */
    public @Nullable DriverId driver() {
        return state.driver();
    }

    public boolean isDrivenBy(UUID accountId) {
        DriverId driver = state.driver();
        return driver != null && driver.value().equals(accountId);
    }

    public boolean isRiddenBy(UUID accountId) {
        return riderId.value().equals(accountId);
    }

    // ---- the saga's steps -------------------------------------------------------------------------------------

    public Decision paymentAuthorized(UUID authorizationId, Instant now) {
        return switch (state) {
            case Requested r -> move(new PaymentAuthorized(authorizationId), now,
                    new TripDispatchRequested(id.value(), riderId.value(), pickup, dropoff, vehicleClass, fare, now),
                    "payment authorized");
            case PaymentAuthorized p -> refuse("payment was already authorized");
            case DriverAssigned d -> refuse("payment was already authorized");
            case DriverArrived d -> refuse("payment was already authorized");
            case InProgress i -> refuse("payment was already authorized");
            case Completed c -> refuse("payment was already authorized");
            case Paid p -> refuse("trip is paid");
            // A hold that lands after a cancellation is released by payments on TripCancelled.
            case Cancelled c -> refuse("trip was cancelled");
        };
    }

    public Decision paymentDeclined(String why, Instant now) {
        return switch (state) {
            case Requested r -> cancel(CancellationReason.PAYMENT_DECLINED, zero(), now, "payment declined: " + why);
            case PaymentAuthorized p -> refuse("payment was already authorized");
            case DriverAssigned d -> refuse("payment was already authorized");
            case DriverArrived d -> refuse("payment was already authorized");
            case InProgress i -> refuse("payment was already authorized");
            case Completed c -> refuse("payment was already authorized");
            case Paid p -> refuse("trip is paid");
            case Cancelled c -> refuse("trip was cancelled");
        };
    }

    public Decision driverAssigned(DriverId driver, Instant now) {
        return switch (state) {
            case PaymentAuthorized p -> move(new DriverAssigned(driver), now,
                    new TripDriverAssigned(id.value(), riderId.value(), driver.value(), now), "driver assigned");
            case Requested r -> refuse("payment is not authorized yet");
            case DriverAssigned d -> refuse("a driver is already assigned");
            case DriverArrived d -> refuse("a driver is already assigned");
            case InProgress i -> refuse("a driver is already assigned");
            case Completed c -> refuse("a driver is already assigned");
            case Paid p -> refuse("trip is paid");
            // Dispatch withdraws its offers and frees the driver on TripCancelled.
            case Cancelled c -> refuse("trip was cancelled");
        };
    }

    public Decision noDriverFound(String why, Instant now) {
        return switch (state) {
            case PaymentAuthorized p -> cancel(CancellationReason.NO_DRIVER, zero(), now, "no driver found: " + why);
            case Requested r -> refuse("dispatch was not requested yet");
            case DriverAssigned d -> refuse("a driver is already assigned");
            case DriverArrived d -> refuse("a driver is already assigned");
            case InProgress i -> refuse("a driver is already assigned");
            case Completed c -> refuse("a driver is already assigned");
            case Paid p -> refuse("trip is paid");
            case Cancelled c -> refuse("trip was cancelled");
        };
    }

    public Decision paymentCaptured(Money driverEarnings, Instant now) {
        return switch (state) {
            case Completed c -> move(new Paid(c.driverId(), driverEarnings), now,
                    new TripPaid(id.value(), riderId.value(), c.driverId().value(), fare, driverEarnings, now),
                    "payment captured");
            case Requested r -> refuse("trip is not completed");
            case PaymentAuthorized p -> refuse("trip is not completed");
            case DriverAssigned d -> refuse("trip is not completed");
            case DriverArrived d -> refuse("trip is not completed");
            case InProgress i -> refuse("trip is not completed");
            case Paid p -> refuse("trip is already paid");
            case Cancelled c -> refuse("trip was cancelled");
        };
    }

    // ---- the driver's moves -----------------------------------------------------------------------------------

    public Decision arrive(Instant now) {
        return switch (state) {
            case DriverAssigned d -> move(new DriverArrived(d.driverId()), now,
                    new TripDriverArrived(id.value(), riderId.value(), d.driverId().value(), now), "driver arrived");
            case Requested r -> refuse("no driver is assigned");
            case PaymentAuthorized p -> refuse("no driver is assigned");
            case DriverArrived d -> refuse("the driver has already arrived");
            case InProgress i -> refuse("the trip has started");
            case Completed c -> refuse("the trip is completed");
            case Paid p -> refuse("the trip is paid");
            case Cancelled c -> refuse("the trip was cancelled");
        };
    }

    public Decision start(Instant now) {
        return switch (state) {
            case DriverArrived d -> move(new InProgress(d.driverId()), now,
                    new TripStarted(id.value(), riderId.value(), d.driverId().value(), now), "trip started");
            case Requested r -> refuse("no driver is assigned");
            case PaymentAuthorized p -> refuse("no driver is assigned");
            case DriverAssigned d -> refuse("the driver has not arrived");
            case InProgress i -> refuse("the trip has already started");
            case Completed c -> refuse("the trip is completed");
            case Paid p -> refuse("the trip is paid");
            case Cancelled c -> refuse("the trip was cancelled");
        };
    }

    /** The final fare is the quoted fare: there is no metering yet. */
    public Decision complete(Instant now) {
        return switch (state) {
            case InProgress i -> move(new Completed(i.driverId()), now,
                    new TripCompleted(id.value(), riderId.value(), i.driverId().value(), fare, now), "trip completed");
            case Requested r -> refuse("no driver is assigned");
            case PaymentAuthorized p -> refuse("no driver is assigned");
            case DriverAssigned d -> refuse("the trip has not started");
            case DriverArrived d -> refuse("the trip has not started");
            case Completed c -> refuse("the trip is already completed");
            case Paid p -> refuse("the trip is paid");
            case Cancelled c -> refuse("the trip was cancelled");
        };
    }

    // ---- cancellations ----------------------------------------------------------------------------------------

    /** Free until a driver is on the way; after that the rider pays {@code lateFee}, never more than the fare. */
    public Decision cancelByRider(Money lateFee, Instant now) {
        return switch (state) {
            case Requested r -> cancel(CancellationReason.RIDER_CANCELLED, zero(), now, "cancelled by rider");
            case PaymentAuthorized p -> cancel(CancellationReason.RIDER_CANCELLED, zero(), now, "cancelled by rider");
            case DriverAssigned d -> cancel(CancellationReason.RIDER_CANCELLED, capped(lateFee), now,
                    "cancelled by rider after assignment");
            case DriverArrived d -> cancel(CancellationReason.RIDER_CANCELLED, capped(lateFee), now,
                    "cancelled by rider after the driver arrived");
            case InProgress i -> refuse("the trip has started");
            case Completed c -> refuse("the trip is completed");
            case Paid p -> refuse("the trip is paid");
            case Cancelled c -> refuse("the trip was already cancelled");
        };
    }

    public Decision cancelByDriver(Instant now) {
        return switch (state) {
            case DriverAssigned d -> cancel(CancellationReason.DRIVER_CANCELLED, zero(), now, "cancelled by driver");
            case DriverArrived d -> cancel(CancellationReason.DRIVER_CANCELLED, zero(), now, "cancelled by driver");
            case Requested r -> refuse("no driver is assigned");
            case PaymentAuthorized p -> refuse("no driver is assigned");
            case InProgress i -> refuse("the trip has started");
            case Completed c -> refuse("the trip is completed");
            case Paid p -> refuse("the trip is paid");
            case Cancelled c -> refuse("the trip was already cancelled");
        };
    }

    // ---- deadlines --------------------------------------------------------------------------------------------

    /**
     * Ends a trip that waited too long in a step. Decided on the current state and its age, so a trip that moved
     * on between the sweep's query and this call is left alone.
     */
    public Decision timeOut(Deadlines deadlines, Instant now) {
        return switch (state) {
            case Requested r -> overdue(deadlines.payment(), now)
                    ? cancel(CancellationReason.TIMED_OUT, zero(), now, "no payment answer in " + deadlines.payment())
                    : refuse("not overdue");
            case PaymentAuthorized p -> overdue(deadlines.dispatch(), now)
                    ? cancel(CancellationReason.NO_DRIVER, zero(), now, "no driver assigned in " + deadlines.dispatch())
                    : refuse("not overdue");
            case DriverAssigned d -> overdue(deadlines.pickup(), now)
                    ? cancel(CancellationReason.TIMED_OUT, zero(), now, "driver did not arrive in " + deadlines.pickup())
                    : refuse("not overdue");
            case DriverArrived d -> overdue(deadlines.pickup(), now)
                    ? cancel(CancellationReason.TIMED_OUT, zero(), now, "trip did not start in " + deadlines.pickup())
                    : refuse("not overdue");
            // A ride under way is never cut short; a completed one waits for its capture (flagged, not cancelled).
            case InProgress i -> refuse("a trip under way does not time out");
            case Completed c -> refuse("a completed trip waits for its capture");
            case Paid p -> refuse("the trip is paid");
            case Cancelled c -> refuse("the trip was cancelled");
        };
    }

    private boolean overdue(Duration deadline, Instant now) {
        return !updatedAt.plus(deadline).isAfter(now);
    }

    private Decision cancel(CancellationReason reason, Money fee, Instant now, String cause) {
        DriverId driver = state.driver();
        var cancelled = new Cancelled(reason, status(), driver, fee);
        return move(cancelled, now, new TripCancelled(id.value(), riderId.value(),
                driver == null ? null : driver.value(), reason, status(), fee, now), cause);
    }

    private Decision move(TripState next, Instant now, Object event, String cause) {
        return new Move(this, withState(next, now), event, cause);
    }

    private Decision refuse(String why) {
        return new Refusal(this, why);
    }

    private Trip withState(TripState next, Instant now) {
        return new Trip(id, riderId, quoteId, paymentMethodId, pickup, dropoff, vehicleClass, fare, requestedAt, next,
                now);
    }

    private Money zero() {
        return Money.zero(fare.currency());
    }

    private Money capped(Money fee) {
        if (!fee.currency().equals(fare.currency())) {
            throw new IllegalArgumentException("fee in " + fee.currency() + " for a fare in " + fare.currency());
        }
        return fee.amount() > fare.amount() ? fare : fee;
    }
}
