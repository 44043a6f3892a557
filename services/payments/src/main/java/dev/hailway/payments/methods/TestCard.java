package dev.hailway.payments.methods;

import java.util.Arrays;
import java.util.Optional;

/**
 * The cards a rider can add until a real payment provider is wired in: provider-style test tokens, one that
 * approves every hold and one that is accepted as a method but declines at authorization.
 */
public enum TestCard {

    VISA("tok_visa", "visa", true),
    CHARGE_DECLINED("tok_chargeDeclined", "visa", false);

    private final String token;
    private final String brand;
    private final boolean approvesHolds;

    TestCard(String token, String brand, boolean approvesHolds) {
        this.token = token;
        this.brand = brand;
        this.approvesHolds = approvesHolds;
    }

    public static Optional<TestCard> forToken(String token) {
        return Arrays.stream(values()).filter(card -> card.token.equals(token)).findFirst();
    }

    public String token() {
        return token;
    }

    public String brand() {
        return brand;
    }

    public boolean approvesHolds() {
        return approvesHolds;
    }
}
