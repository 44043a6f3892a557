package dev.hailway.pricing.quotes;

import dev.hailway.pricing.fares.FareRule;
import dev.hailway.pricing.fares.FareRules;
import dev.hailway.pricing.fares.RouteEstimate;
import dev.hailway.pricing.fares.RouteEstimator;
import dev.hailway.pricing.surge.Cell;
import dev.hailway.pricing.surge.Cells;
import dev.hailway.pricing.surge.MarketSignals;
import dev.hailway.pricing.surge.MarketSignals.DemandKind;
import dev.hailway.pricing.surge.Surges;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Prices a ride: the class's fare rule over the estimated route, times the surge of the pickup's cell, rounded.
 * Each quote is also a demand signal for its cell. Run it inside a transaction: the demand signal and the
 * {@code QuoteIssued} event are stored with it.
 */
public final class Quoting {

    /** Closer than this, pickup and dropoff are the same place. */
    static final double SAME_PLACE_METERS = 10;

    public record Limits(Duration validity, long maxDistanceMeters, long roundTo) {
    }

    private final FareRules fareRules;
    private final RouteEstimator routes;
    private final Cells cells;
    private final Surges surges;
    private final MarketSignals signals;
    private final QuoteEvents events;
    private final QuoteSigner signer;
    private final Limits limits;
    private final Clock clock;

    public Quoting(FareRules fareRules, RouteEstimator routes, Cells cells, Surges surges, MarketSignals signals,
                   QuoteEvents events, QuoteSigner signer, Limits limits, Clock clock) {
        this.fareRules = fareRules;
        this.routes = routes;
        this.cells = cells;
        this.surges = surges;
        this.signals = signals;
        this.events = events;
        this.signer = signer;
        this.limits = limits;
        this.clock = clock;
    }

    public IssuedQuote quote(QuoteRequest request) {
        if (RouteEstimator.straightLineMeters(request.pickup(), request.dropoff()) < SAME_PLACE_METERS) {
            throw new UnquotableTrip("dropoff", "must not be the same place as pickup");
        }
        RouteEstimate route = routes.estimate(request.pickup(), request.dropoff());
        if (route.distanceMeters() > limits.maxDistanceMeters()) {
            throw new UnquotableTrip("dropoff", "is too far from pickup (at most " + limits.maxDistanceMeters() / 1000
                    + " km by road)");
        }
        FareRule rule = fareRules.of(request.vehicleClass()).orElseThrow(() -> new UnquotableTrip("vehicleClass",
                "has no fare rule"));
        Cell cell = cells.of(request.pickup());
        BigDecimal surge = surges.at(cell);
        // Whole seconds: the signed quote carries iat and exp in seconds, and the view must say the same.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var quote = new Quote(UUID.randomUUID(), request.riderId(), request.pickup(), request.dropoff(),
                request.vehicleClass(), rule.fareFor(route, surge, limits.roundTo()), surge, route, cell, now,
                now.plus(limits.validity()));
        signals.demand(quote.id(), DemandKind.QUOTE, cell, now);
        events.issued(quote);
        return new IssuedQuote(quote, signer.sign(quote));
    }
}
