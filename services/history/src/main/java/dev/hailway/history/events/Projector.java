package dev.hailway.history.events;

import java.util.Optional;
import java.util.UUID;

import dev.hailway.history.earnings.DriverEarnings;
import dev.hailway.history.earnings.EarningsEntry;
import dev.hailway.history.earnings.EarningsProjection;
import dev.hailway.history.stats.DispatchOutcome;
import dev.hailway.history.stats.PickupCells;
import dev.hailway.history.stats.Statistics;
import dev.hailway.history.trips.RiderTrip;
import dev.hailway.history.trips.RiderTripProjection;
import dev.hailway.history.trips.RiderTrips;
import dev.hailway.trips.api.TripRequested;

/**
 * Applies one event to every read model it concerns. Runs inside the inbox's transaction, so an event changes
 * all of its rows or none, and only once.
 */
public final class Projector {

    /** Whose cached answers an applied event made stale. */
    public record Changed(UUID rider, UUID driver, boolean stats) {

        static final Changed NOTHING = new Changed(null, null, false);
    }

    private final RiderTrips trips;
    private final DriverEarnings earnings;
    private final Statistics statistics;
    private final PickupCells cells;

    public Projector(RiderTrips trips, DriverEarnings earnings, Statistics statistics, PickupCells cells) {
        this.trips = trips;
        this.earnings = earnings;
        this.statistics = statistics;
        this.cells = cells;
    }

    public Changed apply(Object event) {
        UUID rider = null;
        UUID driver = null;
        boolean stats = false;

        Optional<RiderTrip> trip = RiderTripProjection.apply(currentTrip(event), event);
        if (trip.isPresent()) {
            trips.save(trip.get());
            rider = trip.get().riderId();
            stats = true;
        }
        if (event instanceof TripRequested requested) {
            statistics.countPickup(cells.cellOf(requested.pickup()));
        }
        Optional<EarningsEntry> entry = EarningsProjection.apply(event);
        if (entry.isPresent()) {
            earnings.add(entry.get());
            driver = entry.get().driverId();
        }
        Optional<DispatchOutcome> outcome = DispatchOutcome.of(event);
        if (outcome.isPresent()) {
            statistics.countDispatchOutcome(outcome.get());
            stats = true;
        }
        return rider == null && driver == null && !stats ? Changed.NOTHING : new Changed(rider, driver, stats);
    }

    private Optional<RiderTrip> currentTrip(Object event) {
        UUID tripId = TripIds.of(event);
        return tripId == null ? Optional.empty() : trips.find(tripId);
    }
}
