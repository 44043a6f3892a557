package dev.hailway.platform.testing;

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
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Access tokens as identity issues them (RS256, {@code typ: at+jwt}, {@code kid}, identity's issuer and the API's
 * audience, 15 minutes), signed by a key made for this test JVM. A service under test trusts it when its
 * {@code hailway.security.jwks-uri} is {@link #jwksUri()}, which a tiny HTTP server answers with that key's JWKS.
 */
public final class TestTokens {

    public static final String KID = "test-key";
    private static final KeyPair KEY = rsa();
    private static HttpServer server;

    private TestTokens() {
    }

    /** Where the test key's JWKS is published; the server starts on first use and lives as long as the JVM. */
    public static synchronized String jwksUri() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** The JWKS document itself, for a test that serves identity's endpoints from its own fake. */
    public static String jwks() {
        return new JWKSet(new RSAKey.Builder((RSAPublicKey) KEY.getPublic()).keyID(KID).build()).toString();
    }

    public static String forAccount(UUID account, String... roles) {
        return forAccount(account.toString(), roles);
    }

    /** Any subject, such as a service's {@code service:<name>}. */
    public static String forAccount(String subject, String... roles) {
        return signed(claims(subject, roles).build(), header -> {
        });
    }

    /** The claims identity puts in an access token, for a test that changes one (an expiry, an audience). */
    public static JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("hailway-identity")
                .audience("hailway-api")
                .subject(subject)
                .claim("roles", List.of(roles))
                .claim("email", "someone@example.com")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** The header identity writes (RS256, {@code typ: at+jwt}, the key id), for a test that forges a variant. */
    public static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID(KID);
    }

    /** {@code claims} signed with the test key under identity's header, changed first by {@code change}. */
    public static String signed(JWTClaimsSet claims, Consumer<JWSHeader.Builder> change) {
        JWSHeader.Builder header = header();
        change.accept(header);
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(KEY.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of a new account with these roles. */
    public static String of(String... roles) {
        return forAccount(UUID.randomUUID(), roles);
    }

    public static String driver(UUID driverId) {
        return forAccount(driverId, "DRIVER");
    }

    public static String rider() {
        return of("RIDER");
    }

    /** A service's token: {@code sub = service:<clientId>} and the role SERVICE, as identity issues it. */
    public static String service(String clientId) {
        return forAccount("service:" + clientId, "SERVICE");
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
