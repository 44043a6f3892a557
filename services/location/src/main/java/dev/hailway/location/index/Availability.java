package dev.hailway.location.index;

import dev.hailway.drivers.api.VehicleClass;
import org.jspecify.annotations.Nullable;

/**
 * Whether a driver may be offered a trip: on a shift ({@code online}, with the class they went online with) and not
 * on a trip ({@code busy}). A driver can be busy and offline at once: they ended their shift during a ride.
 */
public record Availability(@Nullable VehicleClass vehicleClass, boolean online, boolean busy) {

    public static final Availability UNKNOWN = new Availability(null, false, false);

    public Availability {
        if (online && vehicleClass == null) {
            throw new IllegalArgumentException("an online driver has a vehicle class");
        }
    }

    public boolean isAvailable() {
        return online && !busy;
    }

    public boolean offers(@Nullable VehicleClass wanted) {
        return isAvailable() && (wanted == null || wanted == vehicleClass);
    }
}
