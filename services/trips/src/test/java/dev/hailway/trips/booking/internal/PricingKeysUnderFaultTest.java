package dev.hailway.trips.booking.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.nimbusds.jose.jwk.JWKSet;
import dev.hailway.pricing.api.SignedQuotes;
import dev.hailway.trips.booking.QuoteKeysUnavailable;
import dev.hailway.trips.booking.QuoteVerifier;
import dev.hailway.trips.support.TestKeys;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trips' one synchronous call, for pricing's quote keys, wired as in production (BookingConfiguration) against a
 * pricing that is slow, fails or drops the connection: a quote check gives up within the timeouts with
 * {@link QuoteKeysUnavailable} (the API's 503), tries at most twice, and keys once fetched keep quotes checked while pricing is down.
 */
class PricingKeysUnderFaultTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Nimbus refreshes 30 s ahead of the expiry, so the lifetime must be longer than that. */
    private static final Duration CACHE_TTL = Duration.ofSeconds(40);

    private final WireMockServer pricing = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final UUID rider = UUID.randomUUID();
    private QuoteVerifier verifier;

    @BeforeEach
    void wireAsInProduction() throws Exception {
        pricing.start();
        verifier = new BookingConfiguration().quoteVerifier(new PricingKeysSettings(URI.create(pricing.baseUrl()),
                CACHE_TTL, Duration.ofMillis(500), TIMEOUT, TIMEOUT));
    }

    @AfterEach
    void stop() {
        pricing.stop();
    }

    static Stream<ResponseDefinitionBuilder> faults() {
        return Stream.of(
                serverError(),
                serviceUnavailable(),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE),
                aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE),
                // Slower than the read timeout: the check must not wait for it.
                okJson(keys()).withFixedDelay(5_000));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void failsAQuoteCheckFastWhenPricingsKeysCannotBeFetched(ResponseDefinitionBuilder fault) {
        pricing.stubFor(get(SignedQuotes.KEYS_PATH).willReturn(fault));

        long start = System.nanoTime();
        assertThatThrownBy(() -> verifier.verify(TestKeys.quote(rider).sign()))
                .isInstanceOf(QuoteKeysUnavailable.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // Nimbus's one retry, and on a dropped connection HttpURLConnection's own silent retry of a GET under each:
        // four requests at most, each within its timeout; never the 5 s of the slow answer.
        assertThat(pricing.findAll(getRequestedFor(urlPathEqualTo(SignedQuotes.KEYS_PATH))).size()).isBetween(1, 4);
        assertThat(took).isLessThan(TIMEOUT.multipliedBy(4).plusSeconds(1));
    }

    @Test
    void keepsCheckingQuotesWithTheKeysItHasWhilePricingIsDown() {
        pricing.stubFor(get(SignedQuotes.KEYS_PATH).willReturn(okJson(keys())));
        assertThat(verifier.verify(TestKeys.quote(rider).sign()).rider().value()).isEqualTo(rider);

        pricing.stubFor(get(SignedQuotes.KEYS_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        int fetches = pricing.findAll(getRequestedFor(urlPathEqualTo(SignedQuotes.KEYS_PATH))).size();
        for (int check = 0; check < 50; check++) {
            assertThat(verifier.verify(TestKeys.quote(rider).sign()).rider().value()).isEqualTo(rider);
        }
        // The keys it has are enough: no call to the pricing that is down, so no wait either.
        assertThat(pricing.findAll(getRequestedFor(urlPathEqualTo(SignedQuotes.KEYS_PATH)))).hasSize(fetches);
    }

    @Test
    void checksQuotesAgainOncePricingIsBack() {
        pricing.stubFor(get(SignedQuotes.KEYS_PATH).willReturn(serviceUnavailable()));
        assertThatThrownBy(() -> verifier.verify(TestKeys.quote(rider).sign()))
                .isInstanceOf(QuoteKeysUnavailable.class);

        pricing.stubFor(get(SignedQuotes.KEYS_PATH).willReturn(okJson(keys())));

        await().atMost(Duration.ofSeconds(5)).ignoreException(QuoteKeysUnavailable.class)
                .untilAsserted(() -> assertThat(verifier.verify(TestKeys.quote(rider).sign()).rider().value())
                        .isEqualTo(rider));
    }

    private static String keys() {
        return new JWKSet(TestKeys.PRICING.toPublicJWK()).toString();
    }
}
