package dev.hailway.identity.keys.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hailway.identity.keys.AccessTokenClaims;
import dev.hailway.identity.keys.AccessTokenSigner;
import java.util.Date;

final class NimbusAccessTokenSigner implements AccessTokenSigner {

    /** RFC 9068: marks the JWT as an access token, so an ID token or other JWT cannot be passed off as one. */
    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private final KeyRing keys;

    NimbusAccessTokenSigner(KeyRing keys) {
        this.keys = keys;
    }

    @Override
    public String sign(AccessTokenClaims claims) {
        var key = keys.active();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(ACCESS_TOKEN_TYPE)
                .keyID(key.id().value())
                .build();
        var body = new JWTClaimsSet.Builder()
                .issuer(claims.issuer())
                .audience(claims.audience())
                .subject(claims.subject())
                .claim("roles", claims.roles())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .jwtID(claims.tokenId())
                .build();
        if (claims.email() != null) {
            body = new JWTClaimsSet.Builder(body).claim("email", claims.email()).build();
        }
        var jwt = new SignedJWT(header, body);
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.id(), e);
        }
        return jwt.serialize();
    }
}
