package dev.hailway.drivers.profiles;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The driver's own use cases. Each method is meant to run inside one transaction (the caller's): the profile is
 * created on first use if the {@code AccountRegistered} event has not arrived yet, locked, changed and stored with
 * its event, so two concurrent "go online" calls publish once.
 */
public final class ManagingDrivers {

    private final DriverProfiles profiles;
    private final DriverEvents events;
    private final Clock clock;

    public ManagingDrivers(DriverProfiles profiles, DriverEvents events, Clock clock) {
        this.profiles = profiles;
        this.events = events;
        this.clock = clock;
    }

    /** Also the handler of identity's {@code AccountRegistered} for drivers: whichever comes first creates. */
    public void signUp(DriverId id, Instant at) {
        profiles.createIfAbsent(id, at.truncatedTo(ChronoUnit.MICROS));
    }

    public DriverProfile profile(DriverId id) {
        profiles.createIfAbsent(id, now());
        return profiles.lock(id);
    }

    public DriverProfile registerVehicle(DriverId id, Vehicle vehicle) {
        Instant now = now();
        return apply(profile(id).registerVehicle(vehicle, now), now);
    }

    public DriverProfile goOnline(DriverId id) {
        Instant now = now();
        return apply(profile(id).goOnline(now), now);
    }

    public DriverProfile goOffline(DriverId id) {
        Instant now = now();
        return apply(profile(id).goOffline(now), now);
    }

    private DriverProfile apply(DriverProfile.Change<?> change, Instant at) {
        change.event().ifPresent(event -> {
            profiles.save(change.profile(), at);
            events.publish(change.profile().id(), event);
        });
        return change.profile();
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: the stored row and the event agree.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
