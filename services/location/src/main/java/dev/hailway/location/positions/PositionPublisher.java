package dev.hailway.location.positions;

import dev.hailway.location.api.DriverPositionReported;

/** Hands an accepted position to the others (and to this service's next start). */
public interface PositionPublisher {

    void publish(DriverPositionReported position);
}
