package dev.hailway.payments.authorizations;

import dev.hailway.common.api.Money;
import dev.hailway.payments.methods.PaymentMethod;
import java.util.Optional;
import java.util.UUID;

/** Whether a trip's fare may be held on the payment method the rider chose. */
public sealed interface AuthorizationDecision {

    String UNKNOWN_PAYMENT_METHOD = "unknown_payment_method";
    String CARD_DECLINED = "card_declined";
    String INVALID_AMOUNT = "invalid_amount";

    record Approve() implements AuthorizationDecision {
    }

    record Decline(String reason) implements AuthorizationDecision {
    }

    /**
     * A method that is unknown or another rider's is declined the same way, so that a rider learns nothing
     * about other riders' methods.
     */
    static AuthorizationDecision decide(UUID riderId, Money fare, Optional<PaymentMethod> method) {
        if (method.isEmpty() || !method.get().belongsTo(riderId)) {
            return new Decline(UNKNOWN_PAYMENT_METHOD);
        }
        if (fare == null || fare.amount() <= 0) {
            return new Decline(INVALID_AMOUNT);
        }
        if (!method.get().card().approvesHolds()) {
            return new Decline(CARD_DECLINED);
        }
        return new Approve();
    }
}
