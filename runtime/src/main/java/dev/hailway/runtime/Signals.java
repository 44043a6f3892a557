package dev.hailway.runtime;

import java.time.Duration;
import java.util.List;

/**
 * Signals Java has no call for: SIGSTOP and SIGCONT (a process frozen, as a long GC pause or a stalled VM would
 * freeze it, and thawed again). Sent with kill(1).
 */
public final class Signals {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Signals() {
    }

    static void pause(long pid) {
        send("STOP", pid);
    }

    static void resume(long pid) {
        send("CONT", pid);
    }

    private static void send(String signal, long pid) {
        ExternalCommand.check(List.of("kill", "-" + signal, Long.toString(pid)), TIMEOUT);
    }

    /** Whether the process is stopped by a signal ({@code T} in /proc/PID/stat), as {@link #pause} leaves it. */
    public static boolean isPaused(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            // The state follows the command name in parentheses, which may itself hold spaces and parentheses.
            return stat.substring(stat.lastIndexOf(')') + 2).charAt(0) == 'T';
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
