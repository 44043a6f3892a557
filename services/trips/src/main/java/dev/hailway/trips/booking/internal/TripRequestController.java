package dev.hailway.trips.booking.internal;

import dev.hailway.platform.web.IdempotentRequests;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import dev.hailway.trips.booking.QuoteKeysUnavailable;
import dev.hailway.trips.booking.QuoteRejected;
import dev.hailway.trips.booking.RequestingTrip;
import dev.hailway.trips.trip.RiderId;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TripRequestController {

    static final String INVALID_QUOTE = "invalid-quote";
    static final String QUOTE_EXPIRED = "quote-expired";
    static final String QUOTE_NOT_YOURS = "quote-not-yours";
    static final String QUOTE_ALREADY_USED = "quote-already-used";

    private static final Logger log = LoggerFactory.getLogger(TripRequestController.class);

    private final RequestingTrip requesting;
    private final TransactionOperations transactions;
    private final IdempotentRequests idempotentRequests;

    TripRequestController(RequestingTrip requesting, TransactionOperations transactions,
                          IdempotentRequests idempotentRequests) {
        this.requesting = requesting;
        this.transactions = transactions;
        this.idempotentRequests = idempotentRequests;
    }

    @PostMapping("/api/trips")
    @PreAuthorize("hasRole('RIDER')")
    ResponseEntity<?> request(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                              @AuthenticationPrincipal Jwt caller, @Valid @RequestBody RequestTripBody body) {
        return idempotentRequests.execute(key, body, () -> {
            try {
                var rider = new RiderId(UUID.fromString(caller.getSubject()));
                var quote = requesting.check(rider, body.quoteId());
                var trip = transactions.execute(status -> requesting.request(quote, body.paymentMethodId()));
                return ResponseEntity.created(URI.create("/api/trips/" + trip.id()))
                        .body(new TripCreated(trip.id().value(), trip.status()));
            } catch (QuoteRejected e) {
                throw problem(e);
            } catch (QuoteKeysUnavailable e) {
                log.warn("Cannot check a quote: {}", e.getMessage(), e.getCause());
                throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                        "Cannot check quotes now", "Quotes cannot be checked right now; retry shortly");
            }
        });
    }

    private static ProblemException problem(QuoteRejected e) {
        return switch (e.reason()) {
            case INVALID -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_QUOTE, "Invalid quote",
                    e.getMessage());
            case EXPIRED -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, QUOTE_EXPIRED, "Quote expired",
                    e.getMessage());
            case NOT_YOURS -> new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, QUOTE_NOT_YOURS,
                    "Quote issued to someone else", e.getMessage());
            case ALREADY_USED -> new ProblemException(HttpStatus.CONFLICT, QUOTE_ALREADY_USED, "Quote already used",
                    e.getMessage());
        };
    }
}
