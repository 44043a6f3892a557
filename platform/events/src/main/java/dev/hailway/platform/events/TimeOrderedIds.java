package dev.hailway.platform.events;

import java.security.SecureRandom;
import java.util.UUID;

/** UUID version 7 (RFC 9562): millisecond time first, so ids sort roughly by creation and index well. */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long epochMillis) {
        long randA = RANDOM.nextInt(1 << 12);
        long most = (epochMillis << 16) | 0x7000L | randA;
        long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
