package dev.hailway.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * The tokens the resource-server tests need: identity's (platform-testing's {@code TestTokens}, whose JWKS the
 * service trusts) and the forged kinds it must refuse.
 */
final class TestTokens {

    private static final KeyPair OTHER_KEY = rsa();

    private TestTokens() {
    }

    static String jwksUri() {
        return dev.hailway.platform.testing.TestTokens.jwksUri();
    }

    static JWTClaimsSet.Builder claims(String... roles) {
        return dev.hailway.platform.testing.TestTokens.claims(UUID.randomUUID().toString(), roles);
    }

    static String valid(String... roles) {
        return dev.hailway.platform.testing.TestTokens.signed(claims(roles).build(), header -> {
        });
    }

    static String with(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims("RIDER");
        change.accept(claims);
        return dev.hailway.platform.testing.TestTokens.signed(claims.build(), header -> {
        });
    }

    static String withHeader(Consumer<JWSHeader.Builder> change) {
        return dev.hailway.platform.testing.TestTokens.signed(claims("RIDER").build(), change);
    }

    /** Right header and claims, but signed by a key the JWKS does not hold. */
    static String signedByOtherKey() {
        try {
            SignedJWT jwt = new SignedJWT(dev.hailway.platform.testing.TestTokens.header().build(), claims("RIDER").build());
            jwt.sign(new RSASSASigner(OTHER_KEY.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String unsigned() {
        return new PlainJWT(claims("OPERATOR").build()).serialize();
    }

    static String hmacSigned() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(dev.hailway.platform.testing.TestTokens.KID).build(), claims("OPERATOR").build());
            jwt.sign(new MACSigner("a-secret-that-is-at-least-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
