package dev.hailway.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/** Checks ports before anything starts, so that a taken port is a clear message and not a half-started platform. */
final class Ports {

    private Ports() {
    }

    /** Throws for the first port in {@code needed} (port to who needs it, in order) that cannot be bound. */
    static void requireFree(Map<Integer, String> needed) {
        needed.forEach((port, owner) -> {
            if (!isFree(port)) {
                throw new PortInUseException(port, owner);
            }
        });
    }

    /**
     * Binding the wildcard address also fails when another program holds only the loopback address. Address reuse
     * is on, as in the servers that will bind the port: connections of a process that just stopped linger in
     * TIME_WAIT for a minute and must not count as "in use".
     */
    static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
