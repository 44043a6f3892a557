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
 */
public final class SignedQuotes {

    public static final String ISSUER = "hailway-pricing";
    public static final String TYPE = "quote+jwt";
    public static final String KEYS_PATH = "/api/quotes/keys";

    private SignedQuotes() {
    }
}
