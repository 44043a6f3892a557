package dev.hailway.dispatch.matching.internal;

import java.util.List;
import java.util.function.Supplier;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.dispatch.matching.Candidate;
import dev.hailway.dispatch.matching.CandidateFinder;
import dev.hailway.dispatch.matching.DriverId;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.location.api.NearbyDrivers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClient;

/**
 * Asks location for the nearest available drivers. The HTTP client times out each call; a retry with backoff
 * covers a blip; the circuit breaker stops calling a location that keeps failing, so that matching waits
 * cheaply (and tries again later) instead of piling up slow calls. The client carries the service token (platform-web
 * {@code ServiceTokens}). Never called inside a transaction.
 */
final class LocationCandidates implements CandidateFinder {

    private static final Logger log = LoggerFactory.getLogger(LocationCandidates.class);

    private final RestClient client;
    private final DispatchSettings.Location settings;
    private final CircuitBreaker breaker;
    private final Retry retry;

    LocationCandidates(RestClient client, DispatchSettings.Location settings, CircuitBreaker breaker, Retry retry) {
        this.client = client;
        this.settings = settings;
        this.breaker = breaker;
        this.retry = retry;
    }

    @Override
    public List<Candidate> near(GeoPoint pickup, @Nullable VehicleClass vehicleClass) {
        Supplier<NearbyDrivers> call = Retry.decorateSupplier(retry,
                CircuitBreaker.decorateSupplier(breaker, () -> fetch(pickup, vehicleClass)));
        try {
            NearbyDrivers answer = call.get();
            return answer.drivers().stream()
                    .map(driver -> new Candidate(new DriverId(driver.driverId()), driver.distanceMeters()))
                    .toList();
        } catch (RuntimeException e) {
            log.warn("no candidates from location ({}: {}); matching tries again later",
                    e.getClass().getSimpleName(), e.getMessage());
            throw new CandidatesUnavailable("location did not answer: " + e.getClass().getSimpleName(), e);
        }
    }

    private NearbyDrivers fetch(GeoPoint pickup, @Nullable VehicleClass vehicleClass) {
        NearbyDrivers answer = client.get()
                .uri(uri -> {
                    uri.path(NearbyDrivers.PATH)
                            .queryParam("lat", pickup.lat())
                            .queryParam("lng", pickup.lng())
                            .queryParam("radiusMeters", settings.radiusMeters())
                            .queryParam("k", settings.k());
                    if (vehicleClass != null) {
                        uri.queryParam("vehicleClass", vehicleClass.name());
                    }
                    return uri.build();
                })
                .retrieve()
                .body(NearbyDrivers.class);
        if (answer == null) {
            throw new IllegalStateException("location answered without a body");
        }
        return answer;
    }
}
