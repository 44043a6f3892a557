package dev.hailway.pricing.quotes.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.pricing.api.SignedQuotes;
import dev.hailway.pricing.quotes.Quote;
import dev.hailway.pricing.quotes.QuoteSigner;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** The claims of {@link SignedQuotes}, RS256 with pricing's key, {@code typ: quote+jwt}. */
final class NimbusQuoteSigner implements QuoteSigner {

    private final QuoteKeyRing keys;

    NimbusQuoteSigner(QuoteKeyRing keys) {
        this.keys = keys;
    }

    @Override
    public String sign(Quote quote) {
        var key = keys.signingKey();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(SignedQuotes.TYPE))
                .keyID(key.getKeyID())
                .build();
        var claims = new JWTClaimsSet.Builder()
                .issuer(SignedQuotes.ISSUER)
                .jwtID(quote.id().toString())
                .subject(quote.riderId().toString())
                .issueTime(Date.from(quote.issuedAt()))
                .expirationTime(Date.from(quote.expiresAt()))
                .claim(SignedQuotes.CLAIM_PICKUP, point(quote.pickup()))
                .claim(SignedQuotes.CLAIM_DROPOFF, point(quote.dropoff()))
                .claim(SignedQuotes.CLAIM_VEHICLE_CLASS, quote.vehicleClass().name())
                .claim(SignedQuotes.CLAIM_FARE, Map.of("amount", quote.fare().amount(), "currency", quote.fare().currency()))
                .claim(SignedQuotes.CLAIM_SURGE, quote.surge().toPlainString())
                .claim(SignedQuotes.CLAIM_DISTANCE_METERS, quote.route().distanceMeters())
                .claim(SignedQuotes.CLAIM_DURATION_SECONDS, quote.route().durationSeconds())
                .build();
        var jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a quote with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    private static Map<String, Object> point(GeoPoint point) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lat", point.lat());
        json.put("lng", point.lng());
        return json;
    }
}
