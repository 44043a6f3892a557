package dev.hailway.identity.keys;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** The {@code kid} of a signing key: random, so that it says nothing about when or where the key was made. */
public record KeyId(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public KeyId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("kid must be 1 to 64 characters");
        }
    }

    public static KeyId random() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return new KeyId(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
