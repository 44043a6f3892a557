package dev.hailway.trips.booking;

import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.RiderId;
import dev.hailway.trips.trip.Trip;
import dev.hailway.trips.trip.TripId;
import java.time.Duration;
import java.util.UUID;

/**
 * A rider asks for a trip with a quote. Two steps, so that the key fetch a verification may need never holds a
 * database connection: {@link #check} outside the transaction, {@link #request} inside it.
 */
public final class RequestingTrip {

    /** Pricing's clock and ours may differ a little; a quote is not worth less for it. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final QuoteVerifier verifier;
    private final ChangingTrips trips;

    public RequestingTrip(QuoteVerifier verifier, ChangingTrips trips) {
        this.verifier = verifier;
        this.trips = trips;
    }

    /**
     * @throws QuoteRejected when the quote is invalid, expired or someone else's
     */
    public Quote check(RiderId rider, String signedQuote) {
        Quote quote = verifier.verify(signedQuote);
        if (!quote.expiresAt().plus(CLOCK_SKEW).isAfter(trips.now())) {
            throw new QuoteRejected(QuoteRejected.Reason.EXPIRED, "The quote has expired; ask for a new one");
        }
        if (!quote.rider().equals(rider)) {
            throw new QuoteRejected(QuoteRejected.Reason.NOT_YOURS, "The quote was issued to another rider");
        }
        return quote;
    }

    /**
     * Records the trip REQUESTED with its {@code TripRequested}; call inside a transaction.
     *
     * @throws QuoteRejected (reason {@link QuoteRejected.Reason#ALREADY_USED}) when the quote bought a trip before
     */
    public Trip request(Quote quote, UUID paymentMethodId) {
        var requested = Trip.request(TripId.random(), quote.rider(), quote.id(), paymentMethodId, quote.pickup(),
                quote.dropoff(), quote.vehicleClass(), quote.fare(), trips.now());
        if (!trips.open(requested)) {
            throw new QuoteRejected(QuoteRejected.Reason.ALREADY_USED, "The quote was already used for a trip");
        }
        return requested.after();
    }
}
