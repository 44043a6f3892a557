package dev.hailway.trips.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.InMemoryTrips;
import dev.hailway.trips.trip.QuoteId;
import dev.hailway.trips.trip.RecordingTripEvents;
import dev.hailway.trips.trip.RiderId;
import dev.hailway.trips.trip.TripFixtures;
import dev.hailway.trips.trip.TripMetrics;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestingTripTest {

    private static final Instant NOW = TripFixtures.T0;
    private static final RiderId RIDER = new RiderId(UUID.randomUUID());

    private final InMemoryTrips trips = new InMemoryTrips();
    private final RecordingTripEvents events = new RecordingTripEvents();
    private Quote quote = quote(RIDER, NOW.plusSeconds(60));
    private final RequestingTrip requesting = new RequestingTrip(signed -> quote,
            new ChangingTrips(trips, events, TripMetrics.NONE, Clock.fixed(NOW, ZoneOffset.UTC)));

    @Test
    void aValidQuoteBuysOneRequestedTrip() {
        var checked = requesting.check(RIDER, "signed");
        var trip = requesting.request(checked, UUID.randomUUID());

        assertThat(trip.status()).isEqualTo(TripStatus.REQUESTED);
        assertThat(trip.fare()).isEqualTo(quote.fare());
        assertThat(trip.quoteId()).isEqualTo(quote.id());
        assertThat(events.published).singleElement().isInstanceOf(TripRequested.class);
        assertThat(trips.history).hasSize(1);
    }

    @Test
    void anExpiredQuoteIsRejected() {
        quote = quote(RIDER, NOW.minus(RequestingTrip.CLOCK_SKEW));

        assertRejected(() -> requesting.check(RIDER, "signed"), QuoteRejected.Reason.EXPIRED);
    }

    @Test
    void aQuoteJustExpiredByPricingsClockIsStillAcceptedWithinTheSkew() {
        quote = quote(RIDER, NOW.minusSeconds(1));

        assertThat(requesting.check(RIDER, "signed")).isEqualTo(quote);
    }

    @Test
    void anotherRidersQuoteIsRejected() {
        assertRejected(() -> requesting.check(new RiderId(UUID.randomUUID()), "signed"), QuoteRejected.Reason.NOT_YOURS);
    }

    @Test
    void aQuoteBuysOnlyOneTrip() {
        requesting.request(quote, UUID.randomUUID());

        assertRejected(() -> requesting.request(quote, UUID.randomUUID()), QuoteRejected.Reason.ALREADY_USED);
        assertThat(events.published).hasSize(1);
        assertThat(trips.history).hasSize(1);
    }

    private static Quote quote(RiderId rider, Instant expiresAt) {
        return new Quote(new QuoteId(UUID.randomUUID()), rider, new GeoPoint(37.5, 127.0), new GeoPoint(37.6, 127.1),
                VehicleClass.COMFORT, TripFixtures.FARE, expiresAt);
    }

    private static void assertRejected(Runnable action, QuoteRejected.Reason reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(QuoteRejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
