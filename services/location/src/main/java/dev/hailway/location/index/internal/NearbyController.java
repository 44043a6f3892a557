package dev.hailway.location.index.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.location.LocationSettings;
import dev.hailway.location.api.NearbyDriver;
import dev.hailway.location.api.NearbyDrivers;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import org.springframework.http.HttpStatus;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For dispatch: the {@code k} nearest available drivers. */
@RestController
class NearbyController {

    static final int MAX_RADIUS_METERS = 20_000;
    static final int MAX_K = 50;

    private final DriverIndex index;
    private final LocationSettings settings;
    private final Clock clock;

    NearbyController(DriverIndex index, LocationSettings settings, Clock clock) {
        this.index = index;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping(NearbyDrivers.PATH)
    @PreAuthorize("hasRole('SERVICE')")
    NearbyDrivers nearby(
            @RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
            @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng,
            @RequestParam(defaultValue = "3000") @Min(1) @Max(MAX_RADIUS_METERS) int radiusMeters,
            @RequestParam(defaultValue = "10") @Min(1) @Max(MAX_K) int k,
            @RequestParam(required = false) VehicleClass vehicleClass) {
        // NaN passes @DecimalMin and @DecimalMax; it is no coordinate.
        if (Double.isNaN(lat) || Double.isNaN(lng)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Validation failed",
                    "The request is not valid", Map.of("errors", List.of(Map.of("field",
                            Double.isNaN(lat) ? "lat" : "lng", "message", "must be a number"))));
        }
        var candidates = index.nearest(new GeoPoint(lat, lng), radiusMeters, k, vehicleClass, clock.instant(),
                settings.staleAfter());
        return new NearbyDrivers(candidates.stream()
                .map(c -> new NearbyDriver(c.driverId(), c.position(), c.vehicleClass(),
                        Math.round(c.distanceMeters())))
                .toList());
    }
}
