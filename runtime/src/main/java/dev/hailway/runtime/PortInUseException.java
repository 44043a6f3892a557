package dev.hailway.runtime;

/** A port the platform needs is taken by some other program; nothing has been started. */
public final class PortInUseException extends RuntimeException {

    public PortInUseException(int port, String neededBy) {
        super("port " + port + " is already in use (needed by " + neededBy + ")");
    }
}
