package dev.hailway.trips.trip;

import java.util.Objects;

/** What a trip makes of a request to change: it moves on (and says so with an event), or it refuses, and why. */
public sealed interface Decision {

    /** {@code event} is a {@code dev.hailway.trips.api} record, published with the change; {@code cause} goes to the history. */
    record Move(Trip before, Trip after, Object event, String cause) implements Decision {
        public Move {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(cause, "cause");
        }
    }

    record Refusal(Trip trip, String why) implements Decision {
        public Refusal {
            Objects.requireNonNull(trip, "trip");
            Objects.requireNonNull(why, "why");
        }
    }
}
