package dev.hailway.dispatch.matching;

/** The driver holds a live trip already, or the trip has its driver: nobody drives two trips at once. */
public final class DriverAlreadyAssigned extends RuntimeException {

    private final TripId tripId;

    public DriverAlreadyAssigned(DriverId driverId, TripId tripId) {
        super("driver " + driverId + " cannot take trip " + tripId + ": one of them is assigned already");
        this.tripId = tripId;
    }

    public TripId tripId() {
        return tripId;
    }
}
