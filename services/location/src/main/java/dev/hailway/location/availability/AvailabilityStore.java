package dev.hailway.location.availability;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.location.index.Availability;

/** Who is on a shift and who is on a trip, kept so that a restart knows it before any event is read again. */
public interface AvailabilityStore {

    void online(UUID driver, VehicleClass vehicleClass, Instant at);

    void offline(UUID driver, Instant at);

    /** Records that {@code driver} is on {@code trip}; assigning the same trip again changes nothing. */
    void assign(UUID trip, UUID driver, Instant at);

    /** Forgets {@code trip}; the driver it was assigned to, if it was known. */
    Optional<UUID> release(UUID trip);

    Availability load(UUID driver);

    Map<UUID, Availability> loadAll();
}
