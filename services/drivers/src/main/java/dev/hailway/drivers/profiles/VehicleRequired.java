package dev.hailway.drivers.profiles;

/** A driver tried to start a shift without a vehicle: there would be nothing to offer riders. */
public final class VehicleRequired extends RuntimeException {

    public VehicleRequired(DriverId driver) {
        super("driver " + driver + " has no vehicle");
    }
}
