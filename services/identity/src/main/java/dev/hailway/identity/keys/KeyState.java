package dev.hailway.identity.keys;

/** ACTIVE signs new tokens (exactly one at a time); RETIRED only verifies tokens it signed before. */
public enum KeyState {
    ACTIVE,
    RETIRED
}
