package dev.hailway.trips.trip;

import dev.hailway.trips.api.TripStatus;
import java.util.Map;

/** What the trips' life looks like from the outside: transitions, time to a driver, stuck captures. */
public interface TripMetrics {

    TripMetrics NONE = new TripMetrics() {
        @Override
        public void moved(Decision.Move move) {
        }

        @Override
        public void captureOverdue(TripId trip) {
        }

        @Override
        public void active(Map<TripStatus, Long> countsByStatus) {
        }

        @Override
        public void overdue(int stuck) {
        }
    };

    void moved(Decision.Move move);

    void captureOverdue(TripId trip);

    /** How many trips are in each non-terminal status now. */
    void active(Map<TripStatus, Long> countsByStatus);

    /** How many trips are past a deadline and not moved on by the sweep that just ran: sagas that are stuck. */
    void overdue(int stuck);
}
