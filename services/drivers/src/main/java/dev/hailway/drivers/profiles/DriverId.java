package dev.hailway.drivers.profiles;

import java.util.Objects;
import java.util.UUID;

/** A driver is known by their account id: identity's {@code sub}. */
public record DriverId(UUID value) {

    public DriverId {
        Objects.requireNonNull(value, "value");
    }

    /** @throws IllegalArgumentException when {@code text} is not a UUID */
    public static DriverId of(String text) {
        return new DriverId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
