package dev.hailway.identity.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.api.RegisterAccount;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RegisterAccountRequestTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void hasTheSameFieldsAsThePublishedContract() {
        assertThat(names(RegisterAccountRequest.class)).containsExactly(names(RegisterAccount.class));
    }

    @Test
    void acceptsAValidRiderOrDriver() {
        assertThat(validator.validate(new RegisterAccountRequest("RIDER", "ann@example.org", "correct horse battery",
                "Ann"))).isEmpty();
        assertThat(validator.validate(new RegisterAccountRequest("DRIVER", "ann@example.org", "correct horse battery",
                "Ann"))).isEmpty();
    }

    @Test
    void reportsEveryBrokenRuleByField() {
        var violations = validator.validate(new RegisterAccountRequest("OPERATOR", "ann", "short", " "));

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("role", "email", "password", "name");
    }

    @Test
    void refusesControlCharactersInEveryTextFieldNamingIt() {
        var violations = validator.validate(new RegisterAccountRequest("RIDER", "ann\u0000@example.org",
                "correct horse\u001Bbattery", "Ann\u0007"));

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("email", "password", "name");
        assertThat(violations).extracting(violation -> violation.getMessage())
                .containsOnly("must not contain control characters");
    }

    @Test
    void reportsMissingFields() {
        var violations = validator.validate(new RegisterAccountRequest(null, null, null, null));

        assertThat(violations).extracting(violation -> violation.getPropertyPath().toString())
                .containsExactlyInAnyOrder("role", "email", "password", "name");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new RegisterAccountRequest("RIDER", "ann@example.org", "correct horse battery", "Ann").toString())
                .doesNotContain("correct horse battery");
    }

    private static String[] names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
    }
}
