package dev.hailway.payments.methods;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface PaymentMethods {

    void add(PaymentMethod method);

    Optional<PaymentMethod> find(PaymentMethodId id);

    /** Oldest first. */
    List<PaymentMethod> ofRider(UUID riderId);
}
