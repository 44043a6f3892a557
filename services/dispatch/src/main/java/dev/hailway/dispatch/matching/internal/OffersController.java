package dev.hailway.dispatch.matching.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import dev.hailway.dispatch.api.OfferView;
import dev.hailway.dispatch.matching.DriverAlreadyAssigned;
import dev.hailway.dispatch.matching.DriverId;
import dev.hailway.dispatch.matching.Matching;
import dev.hailway.dispatch.matching.OfferClosed;
import dev.hailway.dispatch.matching.OfferId;
import dev.hailway.dispatch.matching.OfferNotFound;
import dev.hailway.dispatch.matching.TripId;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A driver's offers. Answers go through {@link Matching}; a refusal lets the next candidate be asked at once. */
@RestController
@PreAuthorize("hasRole('DRIVER')")
class OffersController {

    private final Matching matching;
    private final MatchingRunner runner;

    OffersController(Matching matching, MatchingRunner runner) {
        this.matching = matching;
        this.runner = runner;
    }

    @GetMapping("/api/offers")
    List<OfferView> offers(@AuthenticationPrincipal Jwt token) {
        return matching.openOffersOf(driverOf(token));
    }

    @PostMapping("/api/offers/{id}/accept")
    OfferView accept(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        DriverId driver = driverOf(token);
        return answering(() -> matching.accept(new OfferId(id), driver));
    }

    @PostMapping("/api/offers/{id}/decline")
    OfferView decline(@PathVariable UUID id, @AuthenticationPrincipal Jwt token) {
        DriverId driver = driverOf(token);
        OfferView declined = answering(() -> matching.decline(new OfferId(id), driver));
        runner.attemptSoon(new TripId(declined.tripId()));
        return declined;
    }

    /** Domain refusals become problems; each leaves the database as it was (its transaction rolled back). */
    private OfferView answering(Supplier<OfferView> answer) {
        try {
            return answer.get();
        } catch (OfferNotFound e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Offer not found",
                    "You have no such offer.");
        } catch (OfferClosed e) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Offer closed",
                    "This offer can no longer be answered: it is " + e.status().name().toLowerCase() + ".");
        } catch (DriverAlreadyAssigned e) {
            runner.attemptSoon(e.tripId());
            throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Already assigned",
                    "You or this trip are assigned already; this offer was withdrawn.");
        }
    }

    private static DriverId driverOf(Jwt token) {
        try {
            return new DriverId(UUID.fromString(token.getSubject()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                    "The token does not name a driver account.");
        }
    }
}
