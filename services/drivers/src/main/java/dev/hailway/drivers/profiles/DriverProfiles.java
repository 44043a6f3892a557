package dev.hailway.drivers.profiles;

import java.time.Instant;

/** Where profiles are kept. */
public interface DriverProfiles {

    /** Creates the profile of a new driver unless it exists; safe to call concurrently for the same driver. */
    void createIfAbsent(DriverId id, Instant at);

    /** The profile, locked against concurrent changes until the surrounding transaction ends. */
    DriverProfile lock(DriverId id);

    void save(DriverProfile profile, Instant at);
}
