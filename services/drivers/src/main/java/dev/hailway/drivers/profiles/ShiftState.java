package dev.hailway.drivers.profiles;

/** Whether a driver can be offered trips right now. */
public enum ShiftState {
    OFFLINE,
    ONLINE
}
