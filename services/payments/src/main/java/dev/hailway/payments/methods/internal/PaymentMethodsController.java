package dev.hailway.payments.methods.internal;

import dev.hailway.payments.methods.AddingPaymentMethods;
import dev.hailway.payments.methods.PaymentMethod;
import dev.hailway.payments.methods.PaymentMethods;
import dev.hailway.payments.methods.UnknownCardToken;
import dev.hailway.platform.web.IdempotentRequests;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
@PreAuthorize("hasRole('RIDER')")
class PaymentMethodsController {

    record AddPaymentMethod(@NotBlank @Size(max = 255) String cardToken) {
    }

    record Added(UUID paymentMethodId) {
    }

    record MethodView(UUID paymentMethodId, String brand, Instant addedAt) {

        static MethodView of(PaymentMethod method) {
            return new MethodView(method.id().value(), method.card().brand(), method.addedAt());
        }
    }

    private final AddingPaymentMethods adding;
    private final PaymentMethods methods;
    private final TransactionOperations transactions;
    private final IdempotentRequests idempotentRequests;

    PaymentMethodsController(AddingPaymentMethods adding, PaymentMethods methods, TransactionOperations transactions,
                             IdempotentRequests idempotentRequests) {
        this.adding = adding;
        this.methods = methods;
        this.transactions = transactions;
        this.idempotentRequests = idempotentRequests;
    }

    @PostMapping("/api/payment-methods")
    ResponseEntity<?> add(@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                          @AuthenticationPrincipal Jwt token, @Valid @RequestBody AddPaymentMethod body) {
        UUID rider = riderOf(token);
        return idempotentRequests.execute(key, body, () -> {
            try {
                var method = transactions.execute(status -> adding.add(rider, body.cardToken()));
                return ResponseEntity.status(HttpStatus.CREATED).body(new Added(method.id().value()));
            } catch (UnknownCardToken e) {
                // The token itself is not echoed: it is the one credential-like thing in the request.
                throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                        "cardToken " + e.getMessage(),
                        Map.of("errors", List.of(Map.of("field", "cardToken", "message", e.getMessage()))));
            }
        });
    }

    @GetMapping("/api/payment-methods")
    List<MethodView> mine(@AuthenticationPrincipal Jwt token) {
        return methods.ofRider(riderOf(token)).stream().map(MethodView::of).toList();
    }

    static UUID riderOf(Jwt token) {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    "The token does not name an account.");
        }
    }
}
