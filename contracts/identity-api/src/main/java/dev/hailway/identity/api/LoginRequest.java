package dev.hailway.identity.api;

/** Body of {@code POST /api/auth/login}. */
public record LoginRequest(String email, String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=***]";
    }
}
