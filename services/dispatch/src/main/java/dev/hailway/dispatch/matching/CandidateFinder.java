package dev.hailway.dispatch.matching;

import java.util.List;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;
import org.jspecify.annotations.Nullable;

/** Where available drivers come from (the location service). */
public interface CandidateFinder {

    /**
     * Available drivers near {@code pickup}, in any order.
     *
     * @throws CandidatesUnavailable when the answer cannot be had now; matching tries again later
     */
    List<Candidate> near(GeoPoint pickup, @Nullable VehicleClass vehicleClass);

    final class CandidatesUnavailable extends RuntimeException {
        public CandidatesUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
