package dev.hailway.dispatch.matching.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.hailway.common.api.GeoPoint;
import dev.hailway.dispatch.matching.Candidate;
import dev.hailway.dispatch.matching.CandidateFinder;
import dev.hailway.dispatch.matching.CandidateFinder.CandidatesUnavailable;
import dev.hailway.location.api.NearbyDrivers;
import dev.hailway.platform.web.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.client.RestClient;

/**
 * Dispatch's one synchronous call, to location, wired as in production (MatchingConfiguration) against a location
 * that is slow, fails or drops the connection: each call gives up within its timeout, the retries are bounded and
 * spread out, the circuit breaker opens and closes again, and matching always gets a {@link CandidatesUnavailable}
 * (it tries again later) instead of a hang.
 */
class LocationUnderFaultTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration BACKOFF = Duration.ofMillis(100);
    private static final int RETRIES = 2;
    private static final int WINDOW = 4;
    private static final Duration OPEN_FOR = Duration.ofSeconds(1);
    private static final GeoPoint PICKUP = new GeoPoint(37.5665, 126.9780);

    private final WireMockServer location = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private CircuitBreaker breaker;
    private CandidateFinder candidates;

    @BeforeEach
    void wireAsInProduction() {
        location.start();
        location.stubFor(post("/internal/auth/service-token")
                .willReturn(okJson("{\"accessToken\":\"service-token\",\"expiresIn\":900}")));
        var settings = new DispatchSettings(Duration.ofSeconds(15), 5, Duration.ofMinutes(2), Duration.ofSeconds(3),
                Duration.ofSeconds(1), new DispatchSettings.Location(URI.create(location.baseUrl()), 5000, 10,
                TIMEOUT, RETRIES, BACKOFF, 50, WINDOW, OPEN_FOR));
        var configuration = new MatchingConfiguration();
        breaker = configuration.locationCircuitBreaker(settings, new SimpleMeterRegistry());
        var tokens = new ServiceTokens(URI.create(location.baseUrl() + "/internal/auth/service-token"), "dispatch",
                "secret", Duration.ofSeconds(1), Clock.systemUTC());
        candidates = configuration.candidateFinder(RestClient.builder(), tokens, settings, breaker);
    }

    @AfterEach
    void stop() {
        location.stop();
    }

    static Stream<ResponseDefinitionBuilder> faults() {
        return Stream.of(
                serverError(),
                serviceUnavailable(),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE),
                aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
                // Slower than the timeout: the call must not wait for it.
                okJson(drivers()).withFixedDelay(5_000));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void givesUpAfterABoundedNumberOfSpacedOutTries(ResponseDefinitionBuilder fault) {
        location.stubFor(get(urlPathEqualTo(NearbyDrivers.PATH)).willReturn(fault));

        long start = System.nanoTime();
        assertThatThrownBy(() -> candidates.near(PICKUP, null)).isInstanceOf(CandidatesUnavailable.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        List<ServeEvent> tries = nearbyCalls();
        assertThat(tries).hasSize(RETRIES + 1);
        // Backoff with jitter: each pause at least half the nominal one (100 ms, then 200 ms, ±50 %).
        for (int i = 1; i < tries.size(); i++) {
            long gap = tries.get(i).getRequest().getLoggedDate().getTime()
                    - tries.get(i - 1).getRequest().getLoggedDate().getTime();
            assertThat(gap).as("pause before try %d", i + 1).isGreaterThanOrEqualTo(BACKOFF.toMillis() / 2);
        }
        // Three timeouts and two pauses at most, with room for a slow machine; never the 5 s of the slow answer.
        assertThat(took).isLessThan(TIMEOUT.multipliedBy(RETRIES + 1).plus(BACKOFF.multipliedBy(6)).plusSeconds(1));
    }

    @Test
    void opensTheCircuitOnAFailingLocationAndClosesItOnceLocationAnswersAgain() {
        location.stubFor(get(urlPathEqualTo(NearbyDrivers.PATH)).willReturn(serviceUnavailable()));

        // Two calls of three tries each: past the breaker's minimum of four calls, all failed.
        assertThatThrownBy(() -> candidates.near(PICKUP, null)).isInstanceOf(CandidatesUnavailable.class);
        assertThatThrownBy(() -> candidates.near(PICKUP, null)).isInstanceOf(CandidatesUnavailable.class);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = nearbyCalls().size();

        // While open, matching is told at once and location is left alone: no call, no retry.
        long start = System.nanoTime();
        assertThatThrownBy(() -> candidates.near(PICKUP, null)).isInstanceOf(CandidatesUnavailable.class)
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
        assertThat(nearbyCalls()).hasSize(callsWhenOpened);

        location.stubFor(get(urlPathEqualTo(NearbyDrivers.PATH)).willReturn(okJson(drivers())));

        // After OPEN_FOR one trial call goes through; it succeeds, and the breaker closes.
        await().atMost(OPEN_FOR.multipliedBy(3)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> assertThat(candidates.near(PICKUP, null))
                        .extracting(Candidate::distanceMeters).containsExactly(120L));
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void recoversFromOneBlipWithoutTheCallerNoticing() {
        location.stubFor(get(urlPathEqualTo(NearbyDrivers.PATH)).inScenario("blip")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("healed"));
        location.stubFor(get(urlPathEqualTo(NearbyDrivers.PATH)).inScenario("blip").whenScenarioStateIs("healed")
                .willReturn(okJson(drivers())));

        assertThat(candidates.near(PICKUP, null)).hasSize(1);
        assertThat(nearbyCalls()).hasSize(2);
    }

    private List<ServeEvent> nearbyCalls() {
        return location.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(NearbyDrivers.PATH))
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .toList();
    }

    private static String drivers() {
        return """
                {"drivers":[{"driverId":"6f1f7c1e-8a70-4d0b-9c1e-2c6c6f0f5a11",
                  "position":{"lat":37.5666,"lng":126.9781},"vehicleClass":"STANDARD","distanceMeters":120}]}""";
    }
}
