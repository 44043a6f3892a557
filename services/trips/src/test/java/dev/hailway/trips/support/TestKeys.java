package dev.hailway.trips.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Test stand-ins for identity and pricing: RSA keys, access tokens and signed quotes made with them, and a tiny
 * HTTP server publishing both JWKS (identity's at {@code /jwks}, pricing's at {@code /api/quotes/keys}).
 */
public final class TestKeys {

    public static final RSAKey IDENTITY = rsa("identity-test");
    public static final RSAKey PRICING = rsa("pricing-test");
    /** Published only once a test {@link #rotatePricingKey() rotates}. */
    public static final RSAKey PRICING_NEXT = rsa("pricing-next");
    /** Never published. */
    public static final RSAKey STRANGER = rsa("stranger");

    private static final List<JWK> pricingKeys = new CopyOnWriteArrayList<>(List.of(PRICING.toPublicJWK()));
    public static final AtomicInteger pricingKeyFetches = new AtomicInteger();
    private static HttpServer server;

    private TestKeys() {
    }

    public static synchronized String baseUrl() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Answers from precomputed bytes on a thread of its own: the resource server waits only 500 ms for
            // identity's keys, and a build machine under load has little time to spare.
            byte[] identityKeys = new JWKSet(IDENTITY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> respond(exchange, identityKeys));
            server.createContext("/api/quotes/keys", exchange -> {
                pricingKeyFetches.incrementAndGet();
                respond(exchange, new JWKSet(new ArrayList<>(pricingKeys)).toString().getBytes(StandardCharsets.UTF_8));
            });
            server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "test-keys");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static String jwksUri() {
        return baseUrl() + "/jwks";
    }

    /** Pricing publishes its next key next to the current one, as on a rotation. */
    public static void rotatePricingKey() {
        if (pricingKeys.stream().noneMatch(key -> key.getKeyID().equals(PRICING_NEXT.getKeyID()))) {
            pricingKeys.add(PRICING_NEXT.toPublicJWK());
        }
    }

    // ---- access tokens, as identity issues them --------------------------------------------------------------

    public static String accessToken(UUID account, String... roles) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer("hailway-identity")
                .audience("hailway-api")
                .subject(account.toString())
                .claim("roles", List.of(roles))
                .claim("email", account + "@example.com")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return sign(claims, new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(IDENTITY.getKeyID()), IDENTITY);
    }

    // ---- quotes, as pricing signs them --------------------------------------------------------------------------

    public static QuoteBuilder quote(UUID rider) {
        return new QuoteBuilder(rider);
    }

    public static final class QuoteBuilder {

        private final JWTClaimsSet.Builder claims;
        private final JWSHeader.Builder header;
        private RSAKey key = PRICING;
        public final UUID quoteId = UUID.randomUUID();

        QuoteBuilder(UUID rider) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .issuer("hailway-pricing")
                    .jwtID(quoteId.toString())
                    .subject(rider.toString())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
                    .claim("pickup", Map.of("lat", 37.5665, "lng", 126.978))
                    .claim("dropoff", Map.of("lat", 37.4979, "lng", 127.0276))
                    .claim("vehicleClass", "STANDARD")
                    .claim("fare", Map.of("amount", 12_000, "currency", "KRW"))
                    .claim("surge", "1.00")
                    .claim("distanceMeters", 9_800)
                    .claim("durationSeconds", 1_500);
            header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("quote+jwt"))
                    .keyID(PRICING.getKeyID());
        }

        public QuoteBuilder claims(Consumer<JWTClaimsSet.Builder> change) {
            change.accept(claims);
            return this;
        }

        public QuoteBuilder header(Consumer<JWSHeader.Builder> change) {
            change.accept(header);
            return this;
        }

        public QuoteBuilder fare(long amount) {
            claims.claim("fare", Map.of("amount", amount, "currency", "KRW"));
            return this;
        }

        public QuoteBuilder expiringAt(Instant at) {
            claims.expirationTime(Date.from(at));
            return this;
        }

        public QuoteBuilder signedBy(RSAKey signer) {
            key = signer;
            header.keyID(signer.getKeyID());
            return this;
        }

        public String sign() {
            return TestKeys.sign(claims.build(), header, key);
        }
    }

    public static GeoPoint pickup() {
        return new GeoPoint(37.5665, 126.978);
    }

    public static Money fare() {
        return Money.of(12_000, "KRW");
    }

    private static String sign(JWTClaimsSet claims, JWSHeader.Builder header, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
