package dev.hailway.notifications.streams;

import java.util.UUID;

/** The account has as many streams open as it may. */
public class TooManyStreams extends RuntimeException {

    public TooManyStreams(UUID account, int limit) {
        super("account " + account + " already has " + limit + " open streams");
    }
}
