package dev.hailway.drivers.profiles;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.hailway.drivers.api.DriverWentOffline;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.drivers.api.VehicleRegistered;
import org.jspecify.annotations.Nullable;

/**
 * A driver's profile: their vehicle (none until they register one), their shift and their rating. Immutable: every
 * change returns the new profile together with the fact to publish, or nothing when the change was a no-op.
 */
public record DriverProfile(DriverId id, @Nullable Vehicle vehicle, ShiftState shift, Rating rating,
                            Instant createdAt) {

    public DriverProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(createdAt, "createdAt");
        if (shift == ShiftState.ONLINE && vehicle == null) {
            throw new IllegalArgumentException("an online driver has a vehicle");
        }
    }

    /** A driver who just signed up: no vehicle, offline, the initial rating. */
    public static DriverProfile newDriver(DriverId id, Instant at) {
        return new DriverProfile(id, null, ShiftState.OFFLINE, Rating.INITIAL, at);
    }

    public Optional<Vehicle> currentVehicle() {
        return Optional.ofNullable(vehicle);
    }

    /** A change of state and what it tells the others; {@code event} is empty when nothing changed. */
    public record Change<E>(DriverProfile profile, Optional<E> event) {

        static <E> Change<E> to(DriverProfile profile, E event) {
            return new Change<>(profile, Optional.of(event));
        }

        static <E> Change<E> none(DriverProfile profile) {
            return new Change<>(profile, Optional.empty());
        }
    }

    /**
     * @throws VehicleLockedDuringShift when online
     */
    public Change<VehicleRegistered> registerVehicle(Vehicle newVehicle, Instant at) {
        Objects.requireNonNull(newVehicle, "newVehicle");
        return switch (shift) {
            case ONLINE -> throw new VehicleLockedDuringShift(id);
            case OFFLINE -> newVehicle.equals(vehicle)
                    ? Change.none(this)
                    : Change.to(new DriverProfile(id, newVehicle, shift, rating, createdAt),
                            new VehicleRegistered(id.value(), newVehicle.plate(), newVehicle.model(),
                                    newVehicle.vehicleClass(), at));
        };
    }

    /**
     * Going online twice is one shift: the second call changes nothing and tells nobody.
     *
     * @throws VehicleRequired without a vehicle
     */
    public Change<DriverWentOnline> goOnline(Instant at) {
        return switch (shift) {
            case ONLINE -> Change.none(this);
            case OFFLINE -> {
                if (vehicle == null) {
                    throw new VehicleRequired(id);
                }
                yield Change.to(new DriverProfile(id, vehicle, ShiftState.ONLINE, rating, createdAt),
                        new DriverWentOnline(id.value(), vehicle.vehicleClass(), at));
            }
        };
    }

    public Change<DriverWentOffline> goOffline(Instant at) {
        return switch (shift) {
            case OFFLINE -> Change.none(this);
            case ONLINE -> Change.to(new DriverProfile(id, vehicle, ShiftState.OFFLINE, rating, createdAt),
                    new DriverWentOffline(id.value(), at));
        };
    }
}
