package dev.hailway.trips.booking.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.common.api.Money;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.api.SignedQuotes;
import dev.hailway.trips.booking.Quote;
import dev.hailway.trips.booking.QuoteKeysUnavailable;
import dev.hailway.trips.booking.QuoteRejected;
import dev.hailway.trips.booking.QuoteVerifier;
import dev.hailway.trips.trip.QuoteId;
import dev.hailway.trips.trip.RiderId;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Verifies pricing's quotes offline: RS256 only, {@code typ: quote+jwt}, issuer {@code hailway-pricing}, signed by
 * a key from pricing's JWKS. The key source caches the JWKS and refetches it when a quote names a key it does not
 * know (pricing rotated), at most once per rate-limit interval, so a flood of made-up key ids costs one fetch.
 * Expiry is left to {@code RequestingTrip}, which tells an expired quote apart from a forged one.
 */
final class NimbusQuoteVerifier implements QuoteVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    NimbusQuoteVerifier(JWKSource<SecurityContext> pricingKeys) {
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(SignedQuotes.TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, pricingKeys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
            if (!SignedQuotes.ISSUER.equals(claims.getIssuer())) {
                throw new BadJWTException("not issued by pricing");
            }
        });
    }

    @Override
    public Quote verify(String signedQuote) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(signedQuote, null);
        } catch (RateLimitReachedException e) {
            // The JWKS was refetched moments ago and still lacks this key: it is not pricing's.
            throw invalid();
        } catch (KeySourceException e) {
            throw new QuoteKeysUnavailable("pricing's quote keys cannot be fetched", e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw invalid();
        }
        try {
            return new Quote(new QuoteId(UUID.fromString(claims.getJWTID())),
                    new RiderId(UUID.fromString(claims.getSubject())),
                    point(claims.getJSONObjectClaim(SignedQuotes.CLAIM_PICKUP)),
                    point(claims.getJSONObjectClaim(SignedQuotes.CLAIM_DROPOFF)),
                    VehicleClass.valueOf(claims.getStringClaim(SignedQuotes.CLAIM_VEHICLE_CLASS)),
                    money(claims.getJSONObjectClaim(SignedQuotes.CLAIM_FARE)),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | RuntimeException e) {
            // Signed by pricing but not shaped like a quote: nothing a rider can fix, still not a trip.
            throw invalid();
        }
    }

    private static GeoPoint point(Map<String, Object> point) {
        return new GeoPoint(number(point, "lat").doubleValue(), number(point, "lng").doubleValue());
    }

    private static Money money(Map<String, Object> money) {
        Number amount = number(money, "amount");
        if (amount instanceof Double || amount instanceof Float) {
            throw new IllegalArgumentException("amount must be an integer");
        }
        return new Money(amount.longValue(), (String) money.get("currency"));
    }

    private static Number number(Map<String, Object> object, String name) {
        if (object.get(name) instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException(name + " must be a number");
    }

    private static QuoteRejected invalid() {
        return new QuoteRejected(QuoteRejected.Reason.INVALID, "The quote is not a valid quote from pricing");
    }
}
