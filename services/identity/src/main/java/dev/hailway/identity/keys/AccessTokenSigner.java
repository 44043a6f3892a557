package dev.hailway.identity.keys;

/** Signs access tokens with the active key: an RS256 JWS with header {@code typ: at+jwt} and the key's {@code kid}. */
public interface AccessTokenSigner {

    String sign(AccessTokenClaims claims);
}
