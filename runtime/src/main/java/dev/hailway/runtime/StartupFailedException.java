package dev.hailway.runtime;

import java.util.List;

/** A process of the platform exited or did not become healthy in time; {@code logTail} says why, usually. */
public final class StartupFailedException extends RuntimeException {

    private final String process;
    private final List<String> logTail;

    StartupFailedException(String process, String reason, List<String> logTail) {
        super(process + " " + reason);
        this.process = process;
        this.logTail = List.copyOf(logTail);
    }

    public String process() {
        return process;
    }

    public List<String> logTail() {
        return logTail;
    }
}
