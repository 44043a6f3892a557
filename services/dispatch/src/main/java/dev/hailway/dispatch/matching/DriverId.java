package dev.hailway.dispatch.matching;

import java.util.Objects;
import java.util.UUID;

public record DriverId(UUID value) {

    public DriverId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
