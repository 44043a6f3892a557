package dev.hailway.simulator.api;

/** The call got no HTTP answer at all: it timed out or the connection failed. Already counted when thrown. */
public final class Unreachable extends RuntimeException {

    public Unreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
