package dev.hailway.simulator.history;

import java.time.Instant;

/**
 * One request the simulator sent and what came of it: an HTTP status, or an error kind when no answer came
 * ({@code status} 0). {@code tripId} is the trip the answer named, if any, e.g. the new trip of a 201.
 *
 * @param at     when the request was sent
 * @param millis how long until the answer (or the failure)
 * @param call   method and path, e.g. {@code POST /api/trips}
 * @param status the answer's status, 0 when there was none
 * @param error  {@code timeout} or {@code connection} when there was no answer, otherwise null
 * @param tripId the {@code tripId} of the answer's body, or null
 */
public record Exchange(Instant at, long millis, String call, int status, String error, String tripId) {

    /** A trip request the platform accepted: the trip must exist from then on, whatever happens to the platform. */
    public boolean acceptedTripRequest() {
        return status == 201 && "POST /api/trips".equals(call) && tripId != null;
    }
}
