package dev.hailway.trips.saga;

import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.Decision;
import dev.hailway.trips.trip.DriverId;
import dev.hailway.trips.trip.Trip;
import dev.hailway.trips.trip.TripId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ride, orchestrated by trips: each step is an answer from another service, and each failure has its
 * compensation. The steps in order:
 *
 * <ol>
 *   <li>Rider requests a trip → {@code TripRequested}: payments is to hold the fare.</li>
 *   <li>{@link PaymentAuthorized} → PAYMENT_AUTHORIZED, {@code TripDispatchRequested}: dispatch is to find a driver.
 *       <br>Compensation: {@link PaymentDeclined} → CANCELLED (PAYMENT_DECLINED), {@code TripCancelled}, fee 0:
 *       nothing was held, nothing to release.</li>
 *   <li>{@link DriverAssigned} → DRIVER_ASSIGNED, {@code TripDriverAssigned}.
 *       <br>Compensation: {@link NoDriverFound} → CANCELLED (NO_DRIVER), {@code TripCancelled}, fee 0: payments
 *       releases the hold. A driver assigned to a trip cancelled meanwhile is ignored: dispatch withdraws and
 *       frees the driver on that {@code TripCancelled}.</li>
 *   <li>The driver arrives, starts and completes ({@code TripCompleted}: payments is to capture the fare).</li>
 *   <li>{@link PaymentCaptured} → PAID, {@code TripPaid}: the end.</li>
 * </ol>
 *
 * A rider or driver cancellation, or a step that misses its deadline, ends the trip with {@code TripCancelled} and
 * the same compensations. Events that do not fit the trip's state (late, duplicated, reordered) change nothing
 * and are logged with the reason.
 */
public final class RideSaga {

    private static final Logger log = LoggerFactory.getLogger(RideSaga.class);

    private final ChangingTrips trips;

    public RideSaga(ChangingTrips trips) {
        this.trips = trips;
    }

    public Optional<Decision> on(PaymentAuthorized event) {
        return step(event.tripId(), "PaymentAuthorized",
                (trip, now) -> trip.paymentAuthorized(event.authorizationId(), now));
    }

    public Optional<Decision> on(PaymentDeclined event) {
        return step(event.tripId(), "PaymentDeclined", (trip, now) -> trip.paymentDeclined(event.reason(), now));
    }

    public Optional<Decision> on(DriverAssigned event) {
        return step(event.tripId(), "DriverAssigned",
                (trip, now) -> trip.driverAssigned(new DriverId(event.driverId()), now));
    }

    public Optional<Decision> on(NoDriverFound event) {
        return step(event.tripId(), "NoDriverFound", (trip, now) -> trip.noDriverFound(event.why(), now));
    }

    public Optional<Decision> on(PaymentCaptured event) {
        return step(event.tripId(), "PaymentCaptured",
                (trip, now) -> trip.paymentCaptured(event.driverEarnings(), now));
    }

    private Optional<Decision> step(UUID tripId, String eventName, BiFunction<Trip, Instant, Decision> step) {
        Optional<Decision> decision = trips.change(new TripId(tripId), step);
        if (decision.isEmpty()) {
            log.warn("Ignored {} for unknown trip {}", eventName, tripId);
        } else if (decision.get() instanceof Decision.Refusal refusal) {
            log.info("Ignored {} for trip {} in {}: {}", eventName, tripId, refusal.trip().status(), refusal.why());
        }
        return decision;
    }
}
