package dev.hailway.dispatch.matching;

/** Where the matching of one trip stands. Only {@link #MATCHING} makes offers. */
public enum DispatchStatus {
    MATCHING,
    ASSIGNED,
    GAVE_UP,
    CANCELLED
}
