package dev.hailway.trips.trip;

import java.util.ArrayList;
import java.util.List;

public final class RecordingTripEvents implements TripEvents {

    public final List<Object> published = new ArrayList<>();

    @Override
    public void publish(TripId trip, Object event) {
        published.add(event);
    }
}
