package dev.hailway.history.trips.internal;

import java.util.List;
import java.util.UUID;

import dev.hailway.history.HistoryCaches;
import dev.hailway.history.trips.RiderTrip;
import dev.hailway.history.trips.RiderTrips;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/history/trips}: the calling rider's trips, newest first. */
@RestController
class RiderTripsController {

    record TripPage(List<RiderTrip> trips, int page, int size, long total) {
    }

    private final RiderTripsQuery query;

    RiderTripsController(RiderTripsQuery query) {
        this.query = query;
    }

    @GetMapping("/api/history/trips")
    @PreAuthorize("hasRole('RIDER')")
    TripPage trips(@AuthenticationPrincipal Jwt jwt,
                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return query.page(UUID.fromString(jwt.getSubject()), page, size);
    }

    /** A bean of its own so that the cache proxy sits between controller and database. */
    @Component
    static class RiderTripsQuery {

        private final RiderTrips trips;

        RiderTripsQuery(RiderTrips trips) {
            this.trips = trips;
        }

        @Cacheable(cacheNames = HistoryCaches.RIDER_TRIPS, key = "#rider + ':' + #page + ':' + #size")
        public TripPage page(UUID rider, int page, int size) {
            return new TripPage(trips.ofRider(rider, page, size), page, size, trips.countOfRider(rider));
        }
    }
}
