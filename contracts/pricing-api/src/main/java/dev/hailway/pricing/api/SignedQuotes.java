package dev.hailway.pricing.api;

/**
 * How a quote travels: the {@code quoteId} a rider gets from {@code POST /api/quotes} is a compact JWS (RS256,
 * header {@code typ: quote+jwt}, {@code kid}) signed by pricing, so {@code trips} can verify it without a call.
 * Pricing publishes its public keys as a JWKS at {@link #KEYS_PATH} (open). Claims:
 * <ul>
 *   <li>{@code iss} = {@link #ISSUER}, {@code jti} = the quote's UUID, {@code sub} = the rider's account id,
 *       {@code iat}, {@code exp} (2 minutes after issue);</li>
 *   <li>{@code pickup}, {@code dropoff}: objects {@code {lat, lng}};</li>
 *   <li>{@code vehicleClass}: a {@code VehicleClass} name;</li>
 *   <li>{@code fare}: object {@code {amount, currency}} (minor units); {@code surge}: decimal string, e.g. "1.25";</li>
 *   <li>{@code distanceMeters}, {@code durationSeconds}: integers.</li>
 * </ul>
 *
 * <p>Verifying a quote (what {@code trips} does before accepting {@code POST /api/trips}):
 * <ol>
 *   <li>Fetch the JWKS from {@code HAILWAY_SERVICES_PRICING_URL} + {@link #KEYS_PATH} (e.g.
 *       {@code http://localhost:8084/api/quotes/keys}); cache it and refetch on an unknown {@code kid} (with
 *       Spring Security: {@code NimbusJwtDecoder.withJwkSetUri(uri).jwsAlgorithm(RS256)}).</li>
 *   <li>Require {@code alg} RS256 and {@code typ} = {@link #TYPE} (so an access token can never pass as a quote,
 *       nor a quote as an access token: their {@code typ} differ, and access tokens come from another key set).</li>
 *   <li>Require {@code iss} = {@link #ISSUER}, {@code exp} in the future (allow a few seconds of clock skew), and
 *       {@code sub} = the account id of the rider making the request: a quote is not transferable.</li>
 *   <li>Take the fare and the trip from the claims, never from the request body; {@code jti} is the quote id
 *       that {@code TripRequested.quoteId} carries. A quote should back one trip only: remember used {@code jti}s
 *       until their {@code exp}.</li>
 * </ol>
 * Pricing keeps its signing key in its own database; a rotation (not done yet) would publish the new key next to
 * the old one for at least the quote lifetime, so verifiers that follow the {@code kid} need no change.
 */
public final class SignedQuotes {

    public static final String ISSUER = "hailway-pricing";
    public static final String TYPE = "quote+jwt";
    public static final String KEYS_PATH = "/api/quotes/keys";

    /** Claim names beyond the registered ones ({@code iss}, {@code sub}, {@code jti}, {@code iat}, {@code exp}). */
    public static final String CLAIM_PICKUP = "pickup";
    public static final String CLAIM_DROPOFF = "dropoff";
    public static final String CLAIM_VEHICLE_CLASS = "vehicleClass";
    public static final String CLAIM_FARE = "fare";
    public static final String CLAIM_SURGE = "surge";
    public static final String CLAIM_DISTANCE_METERS = "distanceMeters";
    public static final String CLAIM_DURATION_SECONDS = "durationSeconds";

    private SignedQuotes() {
    }
}
