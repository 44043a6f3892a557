package dev.hailway.drivers.profiles;

/** Publishes what happened to a driver, in the transaction that changed them. */
public interface DriverEvents {

    void publish(DriverId driver, Object event);
}
