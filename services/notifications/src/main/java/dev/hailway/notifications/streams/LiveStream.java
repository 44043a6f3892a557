package dev.hailway.notifications.streams;

import java.io.IOException;

/** One open connection of one account. A failed send means the client is gone. */
public interface LiveStream {

    void send(Notification notification) throws IOException;

    /** Keeps proxies from closing an idle connection and finds clients that left without saying so. */
    void heartbeat() throws IOException;

    /** Tells a client that came back that what it missed is not kept: it should reload the current state. */
    void resync() throws IOException;

    void close();
}
