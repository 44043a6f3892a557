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
    };

    void moved(Decision.Move move);

    void captureOverdue(TripId trip);

    /** How many trips are in each non-terminal status now. */
    void active(Map<TripStatus, Long> countsByStatus);
}
