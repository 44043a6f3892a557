package dev.hailway.history.trips;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code rider_trips} read model. */
public interface RiderTrips {

    Optional<RiderTrip> find(UUID tripId);

    void save(RiderTrip trip);

    /** The rider's trips, newest request first. */
    List<RiderTrip> ofRider(UUID riderId, int page, int size);

    long countOfRider(UUID riderId);
}
