package dev.hailway.drivers.profiles;

/**
 * Vehicles change only between shifts: location and dispatch match riders on the class the driver went online
 * with, so a change mid-shift would offer riders a car that is not there.
 */
public final class VehicleLockedDuringShift extends RuntimeException {

    public VehicleLockedDuringShift(DriverId driver) {
        super("driver " + driver + " is online");
    }
}
