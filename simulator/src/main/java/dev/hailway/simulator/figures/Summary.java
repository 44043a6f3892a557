package dev.hailway.simulator.figures;

import java.util.List;
import java.util.Map;

/**
 * What a run did, for people (printed) and for tests (the e2e suite asserts on it).
 *
 * @param tripsRequested    trips the platform accepted (201 on {@code POST /api/trips})
 * @param tripsByStatus     last status the rider saw, per status, in lifecycle order
 * @param cancelledByReason the {@code CANCELLED} trips by {@code reason}
 * @param assignments       trips whose rider saw a driver assigned (the histogram's count)
 * @param assignmentP50Millis request-to-assignment median, 0 when there was none
 * @param assignmentP99Millis request-to-assignment 99th percentile, 0 when there was none
 * @param errorsByKind      failed calls by kind ({@link ErrorKind#label()})
 * @param unexpectedErrors  5xx, timeouts and connection errors
 * @param unexpectedExamples the first few of them: the call, the answer and the request id to look up in the logs
 * @param nonTerminal       trips that never reached {@code PAID} or {@code CANCELLED}
 */
public record Summary(long tripsRequested, Map<String, Long> tripsByStatus, Map<String, Long> cancelledByReason,
                      long assignments, long assignmentP50Millis, long assignmentP99Millis,
                      Map<String, Long> errorsByKind, long unexpectedErrors, List<String> unexpectedExamples,
                      long nonTerminal) {

    public Summary {
        tripsByStatus = Map.copyOf(tripsByStatus);
        cancelledByReason = Map.copyOf(cancelledByReason);
        errorsByKind = Map.copyOf(errorsByKind);
        unexpectedExamples = List.copyOf(unexpectedExamples);
    }

    /** The run gates a build only when the platform misbehaved: an unexpected error or a trip left hanging. */
    public boolean healthy() {
        return unexpectedErrors == 0 && nonTerminal == 0;
    }

    public int exitCode() {
        return healthy() ? 0 : 1;
    }

    public long trips(String status) {
        return tripsByStatus.getOrDefault(status, 0L);
    }
}
