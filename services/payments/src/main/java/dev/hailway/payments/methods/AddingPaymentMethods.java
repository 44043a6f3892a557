package dev.hailway.payments.methods;

import java.time.Clock;
import java.util.UUID;

/** A rider adds a card by the token the payment provider's client gave them. */
public final class AddingPaymentMethods {

    private final PaymentMethods methods;
    private final Clock clock;

    public AddingPaymentMethods(PaymentMethods methods, Clock clock) {
        this.methods = methods;
        this.clock = clock;
    }

    public PaymentMethod add(UUID riderId, String cardToken) {
        TestCard card = TestCard.forToken(cardToken).orElseThrow(UnknownCardToken::new);
        var method = new PaymentMethod(PaymentMethodId.random(), riderId, card, clock.instant());
        methods.add(method);
        return method;
    }
}
