package dev.hailway.trips.trip;

import java.util.Objects;
import java.util.UUID;

public record QuoteId(UUID value) {

    public QuoteId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
