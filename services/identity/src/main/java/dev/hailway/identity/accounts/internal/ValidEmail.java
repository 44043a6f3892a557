package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.ControlCharacters;
import dev.hailway.identity.accounts.EmailAddress;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The domain's rule ({@link EmailAddress#isValid}), reported per field like any other validation error. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidEmail.Validator.class)
@interface ValidEmail {

    String message() default "must be an e-mail address of at most " + EmailAddress.MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    String CONTROL_CHARACTERS = "must not contain control characters";

    final class Validator implements ConstraintValidator<ValidEmail, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value != null && ControlCharacters.in(value)) {
                // Said precisely: the address may look right on screen, where the control character is invisible.
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(CONTROL_CHARACTERS).addConstraintViolation();
                return false;
            }
            return value == null || EmailAddress.isValid(value);
        }
    }
}
