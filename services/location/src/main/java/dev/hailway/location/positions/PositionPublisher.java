package dev.hailway.location.positions;

import java.time.Duration;
import java.util.List;

import dev.hailway.location.api.DriverPositionReported;

/** Hands accepted positions to the others (and to this service's next start). */
public interface PositionPublisher {

    /**
     * Returns once the log holds every one of {@code positions}, sent in the order given.
     *
     * @param patience how long the caller can wait for that
     * @throws PositionsNotRecorded if the log did not confirm them all within {@code patience}; some may still have
     *                              reached it, which is harmless (a position repeated supersedes nothing newer)
     */
    void publish(List<DriverPositionReported> positions, Duration patience);
}
