package dev.hailway.trips.riding.internal;

import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.api.TripView;
import dev.hailway.trips.riding.Caller;
import dev.hailway.trips.riding.MoveRefused;
import dev.hailway.trips.riding.Riding;
import dev.hailway.trips.riding.TripNotFound;
import dev.hailway.trips.trip.ListPosition;
import dev.hailway.trips.trip.Trip;
import dev.hailway.trips.trip.TripId;
import dev.hailway.trips.trip.TripState;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
class TripsController {

    private final Riding riding;
    private final TransactionOperations transactions;

    TripsController(Riding riding, TransactionOperations transactions) {
        this.riding = riding;
        this.transactions = transactions;
    }

    @GetMapping("/api/trips/{id}")
    TripView view(@PathVariable UUID id, JwtAuthenticationToken token) {
        try {
            return view(riding.view(new TripId(id), caller(token)));
        } catch (TripNotFound e) {
            throw notFound(e);
        }
    }

    /**
     * Operators' view of what is going on: the trips that changed last, newest first, optionally in one status. A
     * full page carries {@code Link: <...>; rel="next"} (RFC 8288) with an opaque cursor for the next one.
     */
    @GetMapping("/api/trips")
    @PreAuthorize("hasRole('OPERATOR')")
    ResponseEntity<List<TripView>> recentlyChanged(@RequestParam(required = false) TripStatus status,
                                                   @RequestParam(required = false) String cursor,
                                                   @RequestParam(defaultValue = "50") int limit,
                                                   JwtAuthenticationToken token, HttpServletRequest request) {
        ListPosition after = cursor == null ? null : ListCursors.decode(cursor);
        List<Trip> page = riding.recentlyChanged(caller(token), status, after, limit);
        var response = ResponseEntity.ok();
        if (!page.isEmpty() && page.size() >= Math.min(Math.max(limit, 1), Riding.MAX_LIST)) {
            String next = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                    .replaceQueryParam("cursor", ListCursors.encode(ListPosition.of(page.getLast())))
                    .build().toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page.stream().map(TripsController::view).toList());
    }

    @PostMapping("/api/trips/{id}/arrive")
    @PreAuthorize("hasRole('DRIVER')")
    TripView arrive(@PathVariable UUID id, JwtAuthenticationToken token) {
        return inTransaction(() -> riding.arrive(new TripId(id), caller(token)));
    }

    @PostMapping("/api/trips/{id}/start")
    @PreAuthorize("hasRole('DRIVER')")
    TripView start(@PathVariable UUID id, JwtAuthenticationToken token) {
        return inTransaction(() -> riding.start(new TripId(id), caller(token)));
    }

    @PostMapping("/api/trips/{id}/complete")
    @PreAuthorize("hasRole('DRIVER')")
    TripView complete(@PathVariable UUID id, JwtAuthenticationToken token) {
        return inTransaction(() -> riding.complete(new TripId(id), caller(token)));
    }

    @PostMapping("/api/trips/{id}/cancel")
    @PreAuthorize("hasAnyRole('RIDER', 'DRIVER')")
    TripView cancel(@PathVariable UUID id, JwtAuthenticationToken token) {
        return inTransaction(() -> riding.cancel(new TripId(id), caller(token)));
    }

    private TripView inTransaction(Supplier<Trip> move) {
        try {
            return view(transactions.execute(status -> move.get()));
        } catch (TripNotFound e) {
            throw notFound(e);
        } catch (MoveRefused e) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Not possible now",
                    "The trip is " + e.status() + ": " + e.getMessage());
        }
    }

    private static ProblemException notFound(TripNotFound e) {
        return new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Trip not found", e.getMessage());
    }

    private static Caller caller(JwtAuthenticationToken token) {
        UUID account;
        try {
            account = UUID.fromString(token.getName());
        } catch (IllegalArgumentException e) {
            // Service tokens carry "service:<name>": no rider or driver of any trip.
            throw new TripNotFound();
        }
        Set<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .collect(Collectors.toSet());
        return new Caller(account, roles);
    }

    static TripView view(Trip trip) {
        var driver = trip.driver();
        var reason = trip.state() instanceof TripState.Cancelled cancelled ? cancelled.reason() : null;
        return new TripView(trip.id().value(), trip.riderId().value(), driver == null ? null : driver.value(),
                trip.status(), reason, trip.pickup(), trip.dropoff(), trip.vehicleClass(), trip.fare(),
                trip.requestedAt(), trip.updatedAt());
    }
}
