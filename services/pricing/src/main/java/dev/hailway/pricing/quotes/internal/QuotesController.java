package dev.hailway.pricing.quotes.internal;

import dev.hailway.platform.web.IdempotentRequests;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import dev.hailway.pricing.api.QuoteView;
import dev.hailway.pricing.api.SignedQuotes;
import dev.hailway.pricing.quotes.Quoting;
import dev.hailway.pricing.quotes.UnquotableTrip;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class QuotesController {

    /** Trips refetches on an unknown kid anyway; caching spares pricing a request per verification. */
    private static final CacheControl KEYS_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final Quoting quoting;
    private final QuoteKeyRing keys;
    private final TransactionOperations transactions;
    private final IdempotentRequests idempotentRequests;

    QuotesController(Quoting quoting, QuoteKeyRing keys, TransactionOperations transactions,
                     IdempotentRequests idempotentRequests) {
        this.quoting = quoting;
        this.keys = keys;
        this.transactions = transactions;
        this.idempotentRequests = idempotentRequests;
    }

    @PostMapping("/api/quotes")
    @PreAuthorize("hasRole('RIDER')")
    ResponseEntity<?> quote(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                            @AuthenticationPrincipal Jwt token, @Valid @RequestBody QuoteRequestBody body) {
        var request = body.toRequest(riderOf(token));
        return idempotentRequests.execute(key, body, () -> {
            try {
                var issued = transactions.execute(status -> quoting.quote(request));
                var quote = issued.quote();
                return ResponseEntity.status(HttpStatus.CREATED).body(new QuoteView(issued.signed(), quote.fare(),
                        quote.surge(), quote.route().distanceMeters(), quote.route().durationSeconds(),
                        quote.expiresAt()));
            } catch (UnquotableTrip e) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                        e.field() + " " + e.getMessage(),
                        Map.of("errors", List.of(Map.of("field", e.field(), "message", e.getMessage()))));
            }
        });
    }

    @GetMapping(path = SignedQuotes.KEYS_PATH, produces = {"application/jwk-set+json", "application/json"})
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(KEYS_CACHE).body(keys.published().toJSONObject(true));
    }

    private static UUID riderOf(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    "The token does not name an account.");
        }
    }
}
