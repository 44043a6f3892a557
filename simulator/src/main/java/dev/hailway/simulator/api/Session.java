package dev.hailway.simulator.api;

import java.util.Map;
import java.util.UUID;

/**
 * A signed-in account. Access tokens live 15 minutes, so the session renews itself when a call meets a 401: with the
 * refresh token first, with the password when the refresh token is no longer good.
 */
public final class Session {

    private final UUID accountId;
    private final String email;
    private final String password;
    private volatile String accessToken;
    private volatile String refreshToken;

    Session(UUID accountId, String email, String password, String accessToken, String refreshToken) {
        this.accountId = accountId;
        this.email = email;
        this.password = password;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }

    public UUID accountId() {
        return accountId;
    }

    String accessToken() {
        return accessToken;
    }

    /**
     * Gets a new pair unless another thread of the same account already did since {@code staleToken} was sent:
     * reusing a refresh token would revoke its whole family.
     */
    synchronized boolean renew(HailwayApi api, String staleToken) {
        if (!staleToken.equals(accessToken)) {
            return true;
        }
        Reply refreshed = api.post(null, "/api/auth/refresh", Map.of("refreshToken", refreshToken));
        if (!refreshed.ok()) {
            refreshed = api.post(null, "/api/auth/login", Map.of("email", email, "password", password));
        }
        if (!refreshed.ok()) {
            return false;
        }
        accessToken = refreshed.text("accessToken");
        refreshToken = refreshed.text("refreshToken");
        return true;
    }
}
