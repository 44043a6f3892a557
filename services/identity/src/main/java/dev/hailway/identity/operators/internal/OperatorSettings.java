package dev.hailway.identity.operators.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** From {@code HAILWAY_IDENTITY_OPERATOR_EMAIL} and {@code HAILWAY_IDENTITY_OPERATOR_PASSWORD}; both or neither. */
@ConfigurationProperties("hailway.identity.operator")
record OperatorSettings(String email, String password) {

    boolean isSet() {
        return email != null && !email.isBlank();
    }

    @Override
    public String toString() {
        return "OperatorSettings[email=" + email + ", password=***]";
    }
}
