package dev.hailway.identity.api;

/** Body of {@code POST /api/auth/refresh}. A refresh token can be used once; using it again revokes its family. */
public record RefreshRequest(String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=***]";
    }
}
