package dev.hailway.gateway.support;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Access tokens as identity issues them (CONVENTIONS.md), and the ways a forger might bend them. */
public final class TestTokens {

    public static final String ISSUER = "hailway-identity";
    public static final String AUDIENCE = "hailway-api";

    private final RSAKey key;

    private TestTokens(RSAKey key) {
        this.key = key;
    }

    public static TestTokens withNewKey(String keyId) {
        try {
            return new TestTokens(new RSAKeyGenerator(2048).keyID(keyId).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public JWTClaimsSet.Builder validClaims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(subject)
                .claim("roles", List.of("RIDER"))
                .claim("email", "rider@example.com")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString());
    }

    public String valid(String subject) {
        return sign(validClaims(subject).build(), "at+jwt");
    }

    public String sign(JWTClaimsSet claims, String type) {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String unsigned(String subject) {
        return new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(),
                validClaims(subject).build()).serialize();
    }

    /**
     * Five parts, as an encrypted JWT (JWE) has them, under a real JWE header; the rest is random, since no key could
     * open it anyway. Identity never issues these.
     */
    public static String encryptedShaped() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}"
                .getBytes(StandardCharsets.UTF_8));
        return String.join(".", header, random(base64, 256), random(base64, 12), random(base64, 64),
                random(base64, 16));
    }

    private static String random(Base64.Encoder base64, int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return base64.encodeToString(value);
    }

    /** HS256 with a made-up secret: the classic algorithm confusion attempt. */
    public String hmacSigned(String subject) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID())
                    .type(new JOSEObjectType("at+jwt")).build(), validClaims(subject).build());
            jwt.sign(new MACSigner("an-hmac-secret-that-is-long-enough-for-hs256!!".getBytes()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
