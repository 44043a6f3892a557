package dev.hailway.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/** Access tokens as identity issues them, signed by a test key whose JWKS a tiny HTTP server publishes. */
final class TestTokens {

    static final String KID = "test-key";
    private static final KeyPair KEY = rsa();
    private static final KeyPair OTHER_KEY = rsa();
    private static HttpServer server;

    private TestTokens() {
    }

    static synchronized String jwksUri() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEY.getPublic()).keyID(KID).build())
                    .toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    static JWTClaimsSet.Builder claims(String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("hailway-identity")
                .audience("hailway-api")
                .subject(UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .claim("email", "someone@example.com")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString());
    }

    static String valid(String... roles) {
        return signed(claims(roles).build(), header -> {
        });
    }

    static String with(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims("RIDER");
        change.accept(claims);
        return signed(claims.build(), header -> {
        });
    }

    static String withHeader(Consumer<JWSHeader.Builder> change) {
        return signed(claims("RIDER").build(), change);
    }

    static String signedByOtherKey() {
        return sign(claims("RIDER").build(), header(), OTHER_KEY);
    }

    static String unsigned() {
        return new PlainJWT(claims("OPERATOR").build()).serialize();
    }

    static String hmacSigned() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(KID).build(), claims("OPERATOR").build());
            jwt.sign(new MACSigner("a-secret-that-is-at-least-32-bytes-long!!".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(JWTClaimsSet claims, Consumer<JWSHeader.Builder> change) {
        JWSHeader.Builder header = header();
        change.accept(header);
        return sign(claims, header, KEY);
    }

    private static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID(KID);
    }

    private static String sign(JWTClaimsSet claims, JWSHeader.Builder header, KeyPair key) {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key.getPrivate()));
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
