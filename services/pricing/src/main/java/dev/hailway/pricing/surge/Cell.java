package dev.hailway.pricing.surge;

import java.util.Objects;

/** An H3 cell (resolution 7, about 5 km²) by its hexadecimal address: the area surge is priced for. */
public record Cell(String address) {

    public Cell {
        Objects.requireNonNull(address, "address");
        if (!address.matches("[0-9a-f]{15}")) {
            throw new IllegalArgumentException("not an H3 cell address: " + address);
        }
    }

    @Override
    public String toString() {
        return address;
    }
}
