package dev.hailway.trips.saga;

import static dev.hailway.trips.api.TripStatus.CANCELLED;
import static dev.hailway.trips.api.TripStatus.COMPLETED;
import static dev.hailway.trips.api.TripStatus.DRIVER_ARRIVED;
import static dev.hailway.trips.api.TripStatus.DRIVER_ASSIGNED;
import static dev.hailway.trips.api.TripStatus.IN_PROGRESS;
import static dev.hailway.trips.api.TripStatus.PAID;
import static dev.hailway.trips.api.TripStatus.PAYMENT_AUTHORIZED;
import static dev.hailway.trips.api.TripStatus.REQUESTED;
import static dev.hailway.trips.trip.TripFixtures.DRIVER;
import static dev.hailway.trips.trip.TripFixtures.FARE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.common.api.Money;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.InMemoryTrips;
import dev.hailway.trips.trip.RecordingTripEvents;
import dev.hailway.trips.trip.TripFixtures;
import dev.hailway.trips.trip.TripId;
import dev.hailway.trips.trip.TripMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Given a trip in a state, when an event arrives, expect a state and the events published (none: ignored). */
class RideSagaTest {

    private static final Instant NOW = TripFixtures.T0.plusSeconds(30);
    private static final Money EARNINGS = Money.of(9_600, "KRW");

    private final InMemoryTrips trips = new InMemoryTrips();
    private final RecordingTripEvents events = new RecordingTripEvents();
    private final RideSaga saga = new RideSaga(
            new ChangingTrips(trips, events, TripMetrics.NONE, Clock.fixed(NOW, ZoneOffset.UTC)));

    /** One row of the saga's table. */
    record Step(TripStatus given, String when, BiConsumer<RideSaga, UUID> event, TripStatus expect,
                List<Class<?>> published) {

        @Override
        public String toString() {
            return "given " + given + ", when " + when + ", expect " + expect + " and "
                    + (published.isEmpty() ? "nothing published" : published.getFirst().getSimpleName());
        }
    }

    static Stream<Step> steps() {
        return Stream.of(
                // The happy path, one step at a time.
                new Step(REQUESTED, "PaymentAuthorized", RideSagaTest::authorized, PAYMENT_AUTHORIZED,
                        List.of(TripDispatchRequested.class)),
                new Step(PAYMENT_AUTHORIZED, "DriverAssigned", RideSagaTest::assigned, DRIVER_ASSIGNED,
                        List.of(TripDriverAssigned.class)),
                new Step(COMPLETED, "PaymentCaptured", RideSagaTest::captured, PAID, List.of(TripPaid.class)),
                // Compensations.
                new Step(REQUESTED, "PaymentDeclined", RideSagaTest::declined, CANCELLED, List.of(TripCancelled.class)),
                new Step(PAYMENT_AUTHORIZED, "NoDriverFound", RideSagaTest::noDriver, CANCELLED,
                        List.of(TripCancelled.class)),
                // Duplicates, latecomers and strays change nothing.
                new Step(PAYMENT_AUTHORIZED, "PaymentAuthorized", RideSagaTest::authorized, PAYMENT_AUTHORIZED, List.of()),
                new Step(DRIVER_ASSIGNED, "DriverAssigned", RideSagaTest::assigned, DRIVER_ASSIGNED, List.of()),
                new Step(CANCELLED, "DriverAssigned", RideSagaTest::assigned, CANCELLED, List.of()),
                new Step(CANCELLED, "PaymentAuthorized", RideSagaTest::authorized, CANCELLED, List.of()),
                new Step(REQUESTED, "DriverAssigned", RideSagaTest::assigned, REQUESTED, List.of()),
                new Step(DRIVER_ASSIGNED, "NoDriverFound", RideSagaTest::noDriver, DRIVER_ASSIGNED, List.of()),
                new Step(PAYMENT_AUTHORIZED, "PaymentDeclined", RideSagaTest::declined, PAYMENT_AUTHORIZED, List.of()),
                new Step(IN_PROGRESS, "PaymentCaptured", RideSagaTest::captured, IN_PROGRESS, List.of()),
                new Step(DRIVER_ARRIVED, "PaymentCaptured", RideSagaTest::captured, DRIVER_ARRIVED, List.of()),
                new Step(PAID, "PaymentCaptured", RideSagaTest::captured, PAID, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void followsTheSagaTable(Step step) {
        var trip = trips.given(TripFixtures.in(step.given()));

        step.event().accept(saga, trip.id().value());

        assertThat(trips.find(trip.id()).orElseThrow().status()).isEqualTo(step.expect());
        assertThat(events.published).map(Object::getClass).containsExactlyElementsOf(step.published());
        assertThat(trips.history).hasSize(step.published().size());
    }

    @Test
    void noDriverCancelsWithoutFeeSoThatPaymentsReleasesTheHold() {
        var trip = trips.given(TripFixtures.in(PAYMENT_AUTHORIZED));

        noDriver(saga, trip.id().value());

        var cancelled = (TripCancelled) events.published.getFirst();
        assertThat(cancelled.reason()).isEqualTo(CancellationReason.NO_DRIVER);
        assertThat(cancelled.cancelledIn()).isEqualTo(PAYMENT_AUTHORIZED);
        assertThat(cancelled.cancellationFee()).isEqualTo(Money.zero("KRW"));
        assertThat(cancelled.driverId()).isNull();
    }

    @Test
    void aDeclinedPaymentCancelsWithTheReasonInTheHistory() {
        var trip = trips.given(TripFixtures.in(REQUESTED));

        declined(saga, trip.id().value());

        assertThat(((TripCancelled) events.published.getFirst()).reason()).isEqualTo(CancellationReason.PAYMENT_DECLINED);
        assertThat(trips.history.getFirst().cause()).contains("card_declined");
    }

    @Test
    void dispatchIsAskedForTheTripAsQuoted() {
        var trip = trips.given(TripFixtures.in(REQUESTED));

        authorized(saga, trip.id().value());

        var dispatch = (TripDispatchRequested) events.published.getFirst();
        assertThat(dispatch.fare()).isEqualTo(FARE);
        assertThat(dispatch.pickup()).isEqualTo(trip.pickup());
        assertThat(dispatch.vehicleClass()).isEqualTo(trip.vehicleClass());
        assertThat(dispatch.at()).isEqualTo(NOW);
    }

    @Test
    void aPaidTripCarriesTheDriversEarnings() {
        var trip = trips.given(TripFixtures.in(COMPLETED));

        captured(saga, trip.id().value());

        var paid = (TripPaid) events.published.getFirst();
        assertThat(paid.driverEarnings()).isEqualTo(EARNINGS);
        assertThat(paid.fare()).isEqualTo(FARE);
        assertThat(paid.driverId()).isEqualTo(DRIVER.value());
    }

    @Test
    void anEventForAnUnknownTripChangesNothing() {
        var result = saga.on(new PaymentAuthorized(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), FARE, NOW));

        assertThat(result).isEmpty();
        assertThat(events.published).isEmpty();
    }

    @Test
    void theAssignedDriverIsTheOneDispatchChose() {
        var trip = trips.given(TripFixtures.in(PAYMENT_AUTHORIZED));
        var driver = UUID.randomUUID();

        saga.on(new DriverAssigned(trip.id().value(), driver, UUID.randomUUID(), NOW));

        assertThat(trips.find(new TripId(trip.id().value())).orElseThrow().driver().value()).isEqualTo(driver);
        assertThat(((TripDriverAssigned) events.published.getFirst()).driverId()).isEqualTo(driver);
    }

    private static void authorized(RideSaga saga, UUID trip) {
        saga.on(new PaymentAuthorized(UUID.randomUUID(), trip, TripFixtures.RIDER.value(), FARE, NOW));
    }

    private static void declined(RideSaga saga, UUID trip) {
        saga.on(new PaymentDeclined(trip, TripFixtures.RIDER.value(), "card_declined", NOW));
    }

    private static void assigned(RideSaga saga, UUID trip) {
        saga.on(new DriverAssigned(trip, DRIVER.value(), UUID.randomUUID(), NOW));
    }

    private static void noDriver(RideSaga saga, UUID trip) {
        saga.on(new NoDriverFound(trip, 3, "everybody declined", NOW));
    }

    private static void captured(RideSaga saga, UUID trip) {
        saga.on(new PaymentCaptured(trip, TripFixtures.RIDER.value(), DRIVER.value(), FARE, Money.of(2_400, "KRW"),
                EARNINGS, NOW));
    }
}
