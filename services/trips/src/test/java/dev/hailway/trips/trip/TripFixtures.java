package dev.hailway.trips.trip;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.trips.api.TripStatus;
import java.time.Instant;
import java.util.UUID;

/** Trips in any state, got there the way real ones do: through the state machine. */
public final class TripFixtures {

    public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    public static final Money FARE = Money.of(12_000, "KRW");
    public static final RiderId RIDER = new RiderId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    public static final DriverId DRIVER = new DriverId(UUID.fromString("00000000-0000-0000-0000-0000000000d1"));

    private TripFixtures() {
    }

    public static Trip requested() {
        return ((Decision.Move) Trip.request(TripId.random(), RIDER, new QuoteId(UUID.randomUUID()), UUID.randomUUID(),
                new GeoPoint(37.5665, 126.9780), new GeoPoint(37.4979, 127.0276), VehicleClass.STANDARD, FARE, T0))
                .after();
    }

    /** A trip in {@code status}; a cancelled one was cancelled by its rider before assignment. */
    public static Trip in(TripStatus status) {
        Trip trip = requested();
        return switch (status) {
            case REQUESTED -> trip;
            case PAYMENT_AUTHORIZED -> moved(trip.paymentAuthorized(UUID.randomUUID(), T0));
            case DRIVER_ASSIGNED -> moved(in(TripStatus.PAYMENT_AUTHORIZED).driverAssigned(DRIVER, T0));
            case DRIVER_ARRIVED -> moved(in(TripStatus.DRIVER_ASSIGNED).arrive(T0));
            case IN_PROGRESS -> moved(in(TripStatus.DRIVER_ARRIVED).start(T0));
            case COMPLETED -> moved(in(TripStatus.IN_PROGRESS).complete(T0));
            case PAID -> moved(in(TripStatus.COMPLETED).paymentCaptured(Money.of(9_600, "KRW"), T0));
            case CANCELLED -> moved(trip.cancelByRider(Money.of(3_000, "KRW"), T0));
        };
    }

    public static Trip moved(Decision decision) {
        if (decision instanceof Decision.Move move) {
            return move.after();
        }
        throw new AssertionError("expected a move, got " + decision);
    }
}
