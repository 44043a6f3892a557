package dev.hailway.e2e;

import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import dev.hailway.platform.infra.DatabaseCredentials;

/**
 * Tokens an attacker or a broken client might present. Where a test needs identity's real signing key (an expired
 * token, a wrong audience: only the claim may be wrong, never the signature), it reads the active key from identity's
 * database with identity's own credentials, as an operator with database access could.
 */
final class ForgedTokens {

    private final String kid;
    private final RSAPrivateKey realKey;

    private ForgedTokens(String kid, RSAPrivateKey realKey) {
        this.kid = kid;
        this.realKey = realKey;
    }

    static ForgedTokens withIdentityKeyFrom(DatabaseCredentials identityDatabase) {
        try (var connection = DriverManager.getConnection(identityDatabase.url(), identityDatabase.username(), identityDatabase.password());
             var statement = connection.prepareStatement("select kid, private_key from signing_keys where state = 'ACTIVE'");
             var rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("identity has no active signing key");
            }
            var key = (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(rows.getBytes("private_key")));
            return new ForgedTokens(rows.getString("kid"), key);
        } catch (SQLException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet.Builder validClaims(UUID subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("hailway-identity")
                .audience("hailway-api")
                .subject(subject.toString())
                .claim("roles", List.of("RIDER"))
                .claim("email", "someone@example.test")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** Signed with identity's real key, so only the claims decide. */
    String signedByIdentity(JWTClaimsSet claims) {
        return sign(claims, realKey, kid, new JOSEObjectType("at+jwt"));
    }

    String signedByIdentityWithType(JWTClaimsSet claims, String type) {
        return sign(claims, realKey, kid, new JOSEObjectType(type));
    }

    /** Signed with a key identity never issued, under identity's current key id. */
    String signedByAnotherKey(JWTClaimsSet claims) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(kid).generate();
            return sign(claims, other.toRSAPrivateKey(), kid, new JOSEObjectType("at+jwt"));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7519's "unsecured JWT": {@code alg: none} and no signature, which must never be accepted. */
    static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes());
        String payload = b64.encodeToString(claims.toString().getBytes());
        return header + "." + payload + ".";
    }

    private static String sign(JWTClaimsSet claims, RSAPrivateKey key, String kid, JOSEObjectType type) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(type).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
