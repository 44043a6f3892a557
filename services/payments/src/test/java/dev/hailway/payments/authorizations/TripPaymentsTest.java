package dev.hailway.payments.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.payments.api.PaymentReleased;
import dev.hailway.payments.authorizations.Authorization.Held;
import dev.hailway.payments.authorizations.Authorization.Hold;
import dev.hailway.payments.ledger.Commission;
import dev.hailway.payments.ledger.EntryKind;
import dev.hailway.payments.ledger.JournalEntry;
import dev.hailway.payments.ledger.Ledger;
import dev.hailway.payments.ledger.LedgerAccount;
import dev.hailway.payments.methods.PaymentMethod;
import dev.hailway.payments.methods.PaymentMethodId;
import dev.hailway.payments.methods.PaymentMethods;
import dev.hailway.payments.methods.TestCard;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The saga steps, given trip events, expecting payment events and bookings; in memory, no inbox. */
class TripPaymentsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final GeoPoint PICKUP = new GeoPoint(37.5665, 126.9780);

    private final UUID rider = UUID.randomUUID();
    private final UUID driver = UUID.randomUUID();
    private final UUID trip = UUID.randomUUID();
    private final FakeMethods methods = new FakeMethods();
    private final FakeAuthorizations authorizations = new FakeAuthorizations();
    private final FakeLedger ledger = new FakeLedger();
    private final RecordedEvents events = new RecordedEvents();
    private final TripPayments payments = new TripPayments(methods, authorizations, ledger,
            new Commission(new BigDecimal("0.20")), events, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenAWorkingCardATripRequestHoldsTheFareOnce() {
        var method = methods.add(rider, TestCard.VISA);

        payments.requested(requested(method, 15_600));
        payments.requested(requested(method, 15_600));

        assertThat(events.recorded).hasSize(1).first().isInstanceOfSatisfying(PaymentAuthorized.class,
                authorized -> assertThat(authorized.amount()).isEqualTo(krw(15_600)));
    }

    @Test
    void givenADecliningCardATripRequestIsDeclinedOnceAndNeverHeldLater() {
        var method = methods.add(rider, TestCard.CHARGE_DECLINED);

        payments.requested(requested(method, 15_600));
        payments.requested(requested(method, 15_600));

        assertThat(events.recorded).containsExactly(new PaymentDeclined(trip, rider, "card_declined", NOW));
        assertThat(authorizations.byTrip).isEmpty();
    }

    @Test
    void givenAHoldACompletedTripIsCapturedAndBookedOnceEvenWhenRepeated() {
        payments.requested(requested(methods.add(rider, TestCard.VISA), 15_600));

        payments.completed(new TripCompleted(trip, rider, driver, krw(15_600), NOW));
        payments.completed(new TripCompleted(trip, rider, driver, krw(15_600), NOW));
        payments.cancelled(cancelled(0));

        assertThat(events.recorded).hasSize(2).last().isEqualTo(new PaymentCaptured(trip, rider, driver, krw(15_600),
                krw(3_120), krw(12_480), NOW));
        assertThat(ledger.entries).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.FARE_CAPTURE);
            assertThat(entry.sums()).isEqualTo(Map.of("KRW", 0L));
        });
        assertThat(ledger.balance(LedgerAccount.driverEarnings(driver), "KRW")).isEqualTo(krw(12_480));
    }

    @Test
    void givenAHoldAFreeCancellationReleasesItAndBooksNothing() {
        payments.requested(requested(methods.add(rider, TestCard.VISA), 12_000));

        payments.cancelled(cancelled(0));
        payments.cancelled(cancelled(0));

        assertThat(events.recorded).hasSize(2).last().isEqualTo(new PaymentReleased(trip, rider, krw(12_000), NOW));
        assertThat(ledger.entries).isEmpty();
    }

    @Test
    void givenAHoldAFeeAboveItIsCappedAtTheHold() {
        payments.requested(requested(methods.add(rider, TestCard.VISA), 2_000));

        payments.cancelled(cancelled(3_000));

        assertThat(events.recorded).last().isEqualTo(new CancellationFeeCharged(trip, rider, driver, krw(2_000),
                krw(1_600), NOW));
        assertThat(ledger.entries).singleElement().extracting(JournalEntry::kind).isEqualTo(EntryKind.CANCELLATION_FEE);
    }

    @Test
    void withoutAHoldNothingIsSettled() {
        payments.completed(new TripCompleted(trip, rider, driver, krw(15_600), NOW));
        payments.cancelled(cancelled(3_000));

        assertThat(events.recorded).isEmpty();
        assertThat(ledger.entries).isEmpty();
    }

    private TripRequested requested(PaymentMethodId method, long fare) {
        return new TripRequested(trip, rider, UUID.randomUUID(), PICKUP, PICKUP, VehicleClass.STANDARD, krw(fare),
                method.value(), NOW);
    }

    private TripCancelled cancelled(long fee) {
        return new TripCancelled(trip, rider, driver, CancellationReason.RIDER_CANCELLED, TripStatus.DRIVER_ASSIGNED,
                krw(fee), NOW);
    }

    private static Money krw(long amount) {
        return Money.of(amount, "KRW");
    }

    private static final class FakeMethods implements PaymentMethods {

        final Map<PaymentMethodId, PaymentMethod> byId = new HashMap<>();

        PaymentMethodId add(UUID rider, TestCard card) {
            var method = new PaymentMethod(PaymentMethodId.random(), rider, card, NOW);
            add(method);
            return method.id();
        }

        @Override
        public void add(PaymentMethod method) {
            byId.put(method.id(), method);
        }

        @Override
        public Optional<PaymentMethod> find(PaymentMethodId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<PaymentMethod> ofRider(UUID riderId) {
            return byId.values().stream().filter(method -> method.belongsTo(riderId)).toList();
        }
    }

    private static final class FakeAuthorizations implements Authorizations {

        final Map<UUID, Authorization> byTrip = new HashMap<>();
        final Set<UUID> declined = new HashSet<>();

        @Override
        public Optional<Authorization> ofTripForUpdate(UUID tripId) {
            return Optional.ofNullable(byTrip.get(tripId));
        }

        @Override
        public boolean isDeclined(UUID tripId) {
            return declined.contains(tripId);
        }

        @Override
        public boolean hold(Hold hold) {
            return byTrip.putIfAbsent(hold.tripId(), new Held(hold)) == null;
        }

        @Override
        public boolean decline(UUID tripId, UUID riderId, String reason, Instant at) {
            return declined.add(tripId);
        }

        @Override
        public boolean settle(Authorization settled) {
            UUID tripId = settled.hold().tripId();
            if (!(byTrip.get(tripId) instanceof Held)) {
                return false;
            }
            byTrip.put(tripId, settled);
            return true;
        }
    }

    private static final class FakeLedger implements Ledger {

        final List<JournalEntry> entries = new ArrayList<>();

        @Override
        public void post(JournalEntry entry) {
            if (entries.stream().anyMatch(e -> e.tripId().equals(entry.tripId()) && e.kind() == entry.kind())) {
                throw new IllegalStateException("already booked");
            }
            entries.add(entry);
        }

        @Override
        public List<JournalEntry> entriesOf(UUID tripId) {
            return entries.stream().filter(entry -> entry.tripId().equals(tripId)).toList();
        }

        @Override
        public Money balance(LedgerAccount account, String currency) {
            return Money.of(entries.stream().flatMap(entry -> entry.lines().stream())
                    .filter(line -> line.account().equals(account) && line.amount().currency().equals(currency))
                    .mapToLong(line -> line.amount().amount()).sum(), currency);
        }
    }

    private static final class RecordedEvents implements PaymentEvents {

        final List<Object> recorded = new ArrayList<>();

        @Override
        public void authorized(PaymentAuthorized event) {
            recorded.add(event);
        }

        @Override
        public void declined(PaymentDeclined event) {
            recorded.add(event);
        }

        @Override
        public void captured(PaymentCaptured event) {
            recorded.add(event);
        }

        @Override
        public void released(PaymentReleased event) {
            recorded.add(event);
        }

        @Override
        public void feeCharged(CancellationFeeCharged event) {
            recorded.add(event);
        }
    }
}
