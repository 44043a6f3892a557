package dev.hailway.payments.methods;

import java.util.Objects;
import java.util.UUID;

public record PaymentMethodId(UUID value) {

    public PaymentMethodId {
        Objects.requireNonNull(value, "value");
    }

    public static PaymentMethodId random() {
        return new PaymentMethodId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
