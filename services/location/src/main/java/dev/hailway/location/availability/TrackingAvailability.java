package dev.hailway.location.availability;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.drivers.api.DriverWentOffline;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.location.index.DriverIndex;
import org.jspecify.annotations.Nullable;

/**
 * Follows the events that make a driver available or not. Each {@code on...} method changes the store and is meant
 * to run in the inbox's transaction; it answers the driver whose availability changed, whom the caller then
 * {@link #refresh}es in the index once that transaction has committed (so a rolled-back event leaves no trace).
 */
public final class TrackingAvailability {

    private final AvailabilityStore store;
    private final DriverIndex index;

    public TrackingAvailability(AvailabilityStore store, DriverIndex index) {
        this.store = store;
        this.index = index;
    }

    public UUID on(DriverWentOnline event) {
        store.online(event.driverId(), event.vehicleClass(), event.at());
        return event.driverId();
    }

    public UUID on(DriverWentOffline event) {
        store.offline(event.driverId(), event.at());
        return event.driverId();
    }

    public UUID on(DriverAssigned event) {
        store.assign(event.tripId(), event.driverId(), event.at());
        return event.driverId();
    }

    /**
     * A trip ended (paid or cancelled): its driver is free again, unless on another trip.
     *
     * @param driver the driver the ending event names, if any; the stored assignment is used otherwise
     */
    public Optional<UUID> tripEnded(UUID trip, @Nullable UUID driver) {
        Optional<UUID> assigned = store.release(trip);
        return assigned.isPresent() ? assigned : Optional.ofNullable(driver);
    }

    public void refresh(Collection<UUID> drivers) {
        drivers.forEach(driver -> index.setAvailability(driver, store.load(driver)));
    }

    /** At start, before any event is consumed: the index learns everything the store knows. */
    public void restore() {
        store.loadAll().forEach(index::setAvailability);
    }
}
