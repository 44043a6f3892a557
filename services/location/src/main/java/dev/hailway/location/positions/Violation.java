package dev.hailway.location.positions;

/** What is wrong with one field of a request; {@code field} is a path such as {@code lat} or {@code [3].lat}. */
public record Violation(String field, String message) {
}
