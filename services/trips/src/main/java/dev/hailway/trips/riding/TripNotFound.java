package dev.hailway.trips.riding;

/** No such trip, or none the caller may see: the two are told apart to nobody, so ids leak nothing. */
public final class TripNotFound extends RuntimeException {

    public TripNotFound() {
        super("No such trip");
    }
}
