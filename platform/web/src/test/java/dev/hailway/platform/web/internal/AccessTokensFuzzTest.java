package dev.hailway.platform.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import dev.hailway.platform.web.HailwaySecurityProperties;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Every service reads the bearer token of every request with the decoder that {@link ResourceServerAutoConfiguration}
 * builds. Spring Security turns a {@link JwtException} into a 401; anything else the decoder threw would be a 500. So
 * whatever the token, the decoder gives a Jwt that passed every check, or throws a JwtException. Replays
 * {@code AccessTokensFuzzTestInputs/} in the build; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class AccessTokensFuzzTest {

    private static final RSAKey IDENTITY = identityKey();
    private static final HailwaySecurityProperties PROPERTIES = new HailwaySecurityProperties(
            URI.create(jwksUri()), "hailway-identity", "hailway-api", Duration.ofSeconds(30), List.of());
    private static final JwtDecoder DECODER = new ResourceServerAutoConfiguration().hailwayJwtDecoder(PROPERTIES);
    private static final Map<String, Object> IDENTITY_HEADER = Map.of("alg", "RS256", "typ", "at+jwt", "kid", "identity-fuzz");

    @FuzzTest(maxDuration = "30s")
    void anyBearerTokenIsAVerifiedJwtOrAJwtException(byte[] input) {
        decodeOrRefuse(new String(input, StandardCharsets.UTF_8));
    }

    /**
     * Past the signature, which a fuzzer cannot forge: any header and claims (a fuzzed JSON object
     * {@code {"header": {...}, "claims": {...}}} laid over identity's), signed with identity's test key.
     */
    @FuzzTest(maxDuration = "30s")
    void anyHeaderAndClaimsSignedByIdentityAreAVerifiedJwtOrAJwtException(byte[] input) throws ParseException {
        Map<String, Object> overrides;
        try {
            overrides = JSONObjectUtils.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ParseException notAnObject) {
            return;
        }
        if (overrides == null) {
            // Nimbus reads a leading "null" as no object at all (a seed of the corpus, found by the fuzzer).
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> identityClaims = Map.of("iss", "hailway-identity", "aud", "hailway-api",
                "sub", "3f1c9a52-8e0b-4d8e-9a57-0c2f6a1d2b3e", "roles", List.of("RIDER"), "iat", now, "exp", now + 900,
                "jti", "9d0c2f6a-1d2b-4e3f-8c9a-528e0b4d8e9a");
        Map<String, Object> header = laidOver(IDENTITY_HEADER, overrides.get("header"));
        Map<String, Object> claims = laidOver(identityClaims, overrides.get("claims"));

        decodeOrRefuse(signed(JSONObjectUtils.toJSONString(header), JSONObjectUtils.toJSONString(claims)));
    }

    /** Signs exactly these bytes, as Nimbus's builders would not: they check the header and claims first. */
    private static String signed(String header, String claims) {
        String signingInput = Base64URL.encode(header) + "." + Base64URL.encode(claims);
        try {
            Base64URL signature = new RSASSASigner(IDENTITY).sign(new JWSHeader(JWSAlgorithm.RS256),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void decodeOrRefuse(String token) {
        Jwt jwt;
        try {
            jwt = DECODER.decode(token);
        } catch (JwtException refused) {
            return;
        }
        // Only what identity issues gets through: RS256, at+jwt, its issuer and audience, a subject, in its lifetime.
        assertThat(jwt.getSubject()).isNotNull();
        assertThat(jwt.getExpiresAt()).isNotNull();
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("typ", "at+jwt");
        assertThat(jwt.getAudience()).contains("hailway-api");
    }

    private static RSAKey identityKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("identity-fuzz").keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** identity's JWKS, as the decoder fetches it, holding only the key above. */
    private static String jwksUri() {
        try {
            HttpServer server = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(IDENTITY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> laidOver(Map<String, Object> base, Object overrides) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        if (overrides instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (value == null) {
                    result.remove(String.valueOf(name));
                } else {
                    result.put(String.valueOf(name), value);
                }
            });
        }
        return result;
    }
}
