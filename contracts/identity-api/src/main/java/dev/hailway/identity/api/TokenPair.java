package dev.hailway.identity.api;

/**
 * Answer to login and refresh.
 *
 * @param expiresIn seconds until the access token expires
 * @param tokenType always {@value #BEARER}
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn, String tokenType) {

    public static final String BEARER = "Bearer";

    public static TokenPair bearer(String accessToken, String refreshToken, long expiresIn) {
        return new TokenPair(accessToken, refreshToken, expiresIn, BEARER);
    }

    @Override
    public String toString() {
        return "TokenPair[accessToken=***, refreshToken=***, expiresIn=" + expiresIn + ", tokenType=" + tokenType + "]";
    }
}
