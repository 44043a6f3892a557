package dev.hailway.trips.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.hailway.trips.booking.Quote;
import dev.hailway.trips.booking.QuoteRejected;
import dev.hailway.trips.support.TestKeys;

/**
 * The signed quote is the one field of a trip request that trips reads as a token: whatever a rider sends there, the
 * verifier reads a quote or refuses it as {@link QuoteRejected.Reason#INVALID}, nothing else (anything else would be a
 * 500). Replays {@code NimbusQuoteVerifierFuzzTestInputs/} in the build; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class NimbusQuoteVerifierFuzzTest {

    private static final UUID RIDER = UUID.fromString("3f1c9a52-8e0b-4d8e-9a57-0c2f6a1d2b3e");

    private final NimbusQuoteVerifier verifier = new NimbusQuoteVerifier(
            new ImmutableJWKSet<SecurityContext>(new JWKSet(TestKeys.PRICING.toPublicJWK())));

    @FuzzTest(maxDuration = "30s")
    void anythingARiderSendsAsAQuoteIsRefusedAsInvalid(byte[] input) {
        // Without pricing's private key no input can be a quote: every one must be refused, and only that way.
        String signedQuote = new String(input, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(signedQuote))
                .isInstanceOfSatisfying(QuoteRejected.class, e -> assertThat(e.reason()).isEqualTo(QuoteRejected.Reason.INVALID));
    }

    /**
     * Past the signature: claims that pricing itself would never write (a fuzzed JSON object laid over a good quote's
     * claims), signed with its key. Trips still reads a whole quote or refuses it, so a bug in pricing cannot become a
     * 500 in trips, nor a trip with half a quote.
     */
    @FuzzTest(maxDuration = "30s")
    void anyClaimsSignedByPricingAreAWholeQuoteOrInvalid(byte[] input) {
        Map<String, Object> overrides;
        try {
            overrides = JSONObjectUtils.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ParseException notAnObject) {
            return;
        }
        if (overrides == null) {
            return;
        }
        String signed;
        try {
            signed = TestKeys.quote(RIDER).claims(claims -> overrides.forEach(claims::claim)).sign();
        } catch (RuntimeException unsignable) {
            // Nimbus will not serialise these claims, so pricing could not have sent them either.
            return;
        }

        try {
            Quote quote = verifier.verify(signed);
            assertThat(quote).hasNoNullFieldsOrProperties();
            assertThat(quote.fare().amount()).isNotNegative();
        } catch (QuoteRejected rejected) {
            assertThat(rejected.reason()).isEqualTo(QuoteRejected.Reason.INVALID);
        }
    }
}
