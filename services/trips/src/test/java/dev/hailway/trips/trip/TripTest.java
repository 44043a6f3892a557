package dev.hailway.trips.trip;

import static dev.hailway.trips.trip.TripFixtures.DRIVER;
import static dev.hailway.trips.trip.TripFixtures.FARE;
import static dev.hailway.trips.trip.TripFixtures.T0;
import static dev.hailway.trips.trip.TripFixtures.in;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripDriverArrived;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;
import dev.hailway.trips.api.TripStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TripTest {

    private static final Instant LATER = T0.plusSeconds(90);
    private static final Money LATE_FEE = Money.of(3_000, "KRW");
    private static final Deadlines DEADLINES = new Deadlines(Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofMinutes(10));

    @Test
    void aRequestStartsRequestedAndAsksPaymentsToHoldTheFare() {
        var paymentMethod = UUID.randomUUID();
        var move = (Decision.Move) Trip.request(TripId.random(), TripFixtures.RIDER, new QuoteId(UUID.randomUUID()),
                paymentMethod, new GeoPoint(37.5, 127.0), new GeoPoint(37.6, 127.1), VehicleClass.XL, FARE, T0);

        assertThat(move.after().status()).isEqualTo(TripStatus.REQUESTED);
        assertThat(move.after().driver()).isNull();
        var event = (TripRequested) move.event();
        assertThat(event.fare()).isEqualTo(FARE);
        assertThat(event.paymentMethodId()).isEqualTo(paymentMethod);
        assertThat(event.vehicleClass()).isEqualTo(VehicleClass.XL);
        assertThat(event.tripId()).isEqualTo(move.after().id().value());
    }

    @Test
    void theAssignedDriverArrivesStartsAndCompletesForTheQuotedFare() {
        var arrived = (Decision.Move) in(TripStatus.DRIVER_ASSIGNED).arrive(LATER);
        assertThat(arrived.after().status()).isEqualTo(TripStatus.DRIVER_ARRIVED);
        assertThat(arrived.after().updatedAt()).isEqualTo(LATER);
        assertThat(arrived.event()).isInstanceOf(TripDriverArrived.class);

        var started = (Decision.Move) arrived.after().start(LATER);
        assertThat(started.after().status()).isEqualTo(TripStatus.IN_PROGRESS);
        assertThat(started.event()).isInstanceOf(TripStarted.class);

        var completed = (Decision.Move) started.after().complete(LATER);
        assertThat(completed.after().status()).isEqualTo(TripStatus.COMPLETED);
        var event = (TripCompleted) completed.event();
        assertThat(event.fare()).isEqualTo(FARE);
        assertThat(event.driverId()).isEqualTo(DRIVER.value());
    }

    @Test
    void aMoveOutOfTurnIsRefusedWithTheReason() {
        assertThat(in(TripStatus.DRIVER_ASSIGNED).start(LATER)).isInstanceOfSatisfying(Decision.Refusal.class,
                refusal -> assertThat(refusal.why()).contains("not arrived"));
        assertThat(in(TripStatus.DRIVER_ARRIVED).complete(LATER)).isInstanceOf(Decision.Refusal.class);
        assertThat(in(TripStatus.IN_PROGRESS).arrive(LATER)).isInstanceOf(Decision.Refusal.class);
        assertThat(in(TripStatus.PAYMENT_AUTHORIZED).arrive(LATER)).isInstanceOf(Decision.Refusal.class);
    }

    @ParameterizedTest
    @EnumSource(value = TripStatus.class, names = {"REQUESTED", "PAYMENT_AUTHORIZED"})
    void aRiderCancelsForFreeBeforeADriverIsAssigned(TripStatus status) {
        var cancelled = cancelled(in(status).cancelByRider(LATE_FEE, LATER));

        assertThat(cancelled.reason()).isEqualTo(CancellationReason.RIDER_CANCELLED);
        assertThat(cancelled.cancellationFee()).isEqualTo(Money.zero("KRW"));
        assertThat(cancelled.cancelledIn()).isEqualTo(status);
        assertThat(cancelled.driverId()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = TripStatus.class, names = {"DRIVER_ASSIGNED", "DRIVER_ARRIVED"})
    void aRiderPaysTheFeeForCancellingOnceADriverIsOnTheWay(TripStatus status) {
        var cancelled = cancelled(in(status).cancelByRider(LATE_FEE, LATER));

        assertThat(cancelled.reason()).isEqualTo(CancellationReason.RIDER_CANCELLED);
        assertThat(cancelled.cancellationFee()).isEqualTo(LATE_FEE);
        assertThat(cancelled.driverId()).isEqualTo(DRIVER.value());
    }

    @Test
    void theCancellationFeeIsNeverMoreThanTheFare() {
        var cheap = in(TripStatus.DRIVER_ASSIGNED);
        cheap = new Trip(cheap.id(), cheap.riderId(), cheap.quoteId(), cheap.paymentMethodId(), cheap.pickup(),
                cheap.dropoff(), cheap.vehicleClass(), Money.of(2_000, "KRW"), cheap.requestedAt(), cheap.state(),
                cheap.updatedAt());

        assertThat(cancelled(cheap.cancelByRider(LATE_FEE, LATER)).cancellationFee()).isEqualTo(Money.of(2_000, "KRW"));
    }

    @ParameterizedTest
    @EnumSource(value = TripStatus.class, names = {"DRIVER_ASSIGNED", "DRIVER_ARRIVED"})
    void aDriverCancelsForFree(TripStatus status) {
        var cancelled = cancelled(in(status).cancelByDriver(LATER));

        assertThat(cancelled.reason()).isEqualTo(CancellationReason.DRIVER_CANCELLED);
        assertThat(cancelled.cancellationFee().isZero()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = TripStatus.class, names = {"IN_PROGRESS", "COMPLETED", "PAID", "CANCELLED"})
    void nobodyCancelsATripThatStartedOrEnded(TripStatus status) {
        assertThat(in(status).cancelByRider(LATE_FEE, LATER)).isInstanceOf(Decision.Refusal.class);
        assertThat(in(status).cancelByDriver(LATER)).isInstanceOf(Decision.Refusal.class);
    }

    @ParameterizedTest
    @EnumSource(value = TripStatus.class, names = {"PAID", "CANCELLED"})
    void aTerminalTripRefusesEveryChange(TripStatus status) {
        Trip trip = in(status);
        List<Function<Trip, Decision>> changes = List.of(
                t -> t.paymentAuthorized(UUID.randomUUID(), LATER), t -> t.paymentDeclined("card_declined", LATER),
                t -> t.driverAssigned(DRIVER, LATER), t -> t.noDriverFound("nobody", LATER),
                t -> t.paymentCaptured(Money.of(1, "KRW"), LATER), t -> t.arrive(LATER), t -> t.start(LATER),
                t -> t.complete(LATER), t -> t.cancelByRider(LATE_FEE, LATER), t -> t.cancelByDriver(LATER),
                t -> t.timeOut(DEADLINES, LATER.plus(Duration.ofDays(1))));

        assertThat(changes).allSatisfy(change -> assertThat(change.apply(trip)).isInstanceOf(Decision.Refusal.class));
    }

    @Test
    void aTripThatWaitedTooLongForItsStepTimesOut() {
        assertThat(cancelled(in(TripStatus.REQUESTED).timeOut(DEADLINES, T0.plusSeconds(60))).reason())
                .isEqualTo(CancellationReason.TIMED_OUT);
        assertThat(cancelled(in(TripStatus.PAYMENT_AUTHORIZED).timeOut(DEADLINES, T0.plus(Duration.ofMinutes(5))))
                .reason()).isEqualTo(CancellationReason.NO_DRIVER);
        assertThat(cancelled(in(TripStatus.DRIVER_ASSIGNED).timeOut(DEADLINES, T0.plus(Duration.ofMinutes(30))))
                .reason()).isEqualTo(CancellationReason.TIMED_OUT);
        assertThat(cancelled(in(TripStatus.DRIVER_ARRIVED).timeOut(DEADLINES, T0.plus(Duration.ofMinutes(30))))
                .reason()).isEqualTo(CancellationReason.TIMED_OUT);
    }

    @Test
    void aTripWithinItsDeadlineDoesNotTimeOut() {
        assertThat(in(TripStatus.REQUESTED).timeOut(DEADLINES, T0.plusSeconds(59))).isInstanceOf(Decision.Refusal.class);
        assertThat(in(TripStatus.DRIVER_ARRIVED).timeOut(DEADLINES, T0.plus(Duration.ofMinutes(29))))
                .isInstanceOf(Decision.Refusal.class);
    }

    @ParameterizedTest
    @EnumSource(value = TripStatus.class, names = {"IN_PROGRESS", "COMPLETED"})
    void aRideUnderWayOrAwaitingCaptureIsNeverCancelledByADeadline(TripStatus status) {
        assertThat(in(status).timeOut(DEADLINES, T0.plus(Duration.ofDays(7)))).isInstanceOf(Decision.Refusal.class);
    }

    @Test
    void everyStatusIsReachable() {
        var reached = EnumSet.noneOf(TripStatus.class);
        for (TripStatus status : TripStatus.values()) {
            reached.add(in(status).status());
        }
        assertThat(reached).containsExactlyInAnyOrder(TripStatus.values());
    }

    private static TripCancelled cancelled(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Move.class);
        var move = (Decision.Move) decision;
        assertThat(move.after().status()).isEqualTo(TripStatus.CANCELLED);
        return (TripCancelled) move.event();
    }
}
