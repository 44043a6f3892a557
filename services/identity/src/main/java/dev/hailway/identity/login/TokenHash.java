package dev.hailway.identity.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 of a refresh token, hex. Only this is stored, so a copy of the database hands out no usable token; a plain
 * hash (no salt, no stretching) is enough because the token is 256 random bits, not something a person chose.
 */
public record TokenHash(String hex) {

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 hash has 64 hex digits");
        }
    }

    public static TokenHash of(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
