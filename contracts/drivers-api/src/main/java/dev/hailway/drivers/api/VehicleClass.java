package dev.hailway.drivers.api;

/** What a rider can ask for and a driver can offer; pricing has a fare rule per class. */
public enum VehicleClass {
    STANDARD,
    COMFORT,
    XL
}
