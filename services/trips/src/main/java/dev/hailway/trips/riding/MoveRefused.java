package dev.hailway.trips.riding;

import dev.hailway.trips.api.TripStatus;

/** The trip is not in a state for this move. */
public final class MoveRefused extends RuntimeException {

    private final TripStatus status;

    public MoveRefused(TripStatus status, String why) {
        super(why);
        this.status = status;
    }

    public TripStatus status() {
        return status;
    }
}
