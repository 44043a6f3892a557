package dev.hailway.trips.trip;

import java.util.Objects;
import java.util.UUID;

public record RiderId(UUID value) {

    public RiderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
