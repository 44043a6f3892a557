package dev.hailway.drivers.profiles;

/** Average rider rating, 1.0 to 5.0. Riders do not rate yet: every driver has {@link #INITIAL} until they do. */
public record Rating(double value) {

    public static final Rating INITIAL = new Rating(5.0);

    public Rating {
        if (Double.isNaN(value) || value < 1.0 || value > 5.0) {
            throw new IllegalArgumentException("rating must be within [1, 5], was " + value);
        }
    }
}
