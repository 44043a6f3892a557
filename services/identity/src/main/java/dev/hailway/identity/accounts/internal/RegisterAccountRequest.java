package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.Account;
import dev.hailway.identity.accounts.ControlCharacters;
import dev.hailway.identity.accounts.EmailAddress;
import dev.hailway.identity.accounts.Registration;
import dev.hailway.identity.api.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The wire shape of {@link dev.hailway.identity.api.RegisterAccount}, with its rules as Bean Validation annotations.
 * A copy rather than annotations on the contract record, so that identity-api stays free of any dependency; a unit
 * test keeps the two shapes equal. {@code role} is a string so that OPERATOR or nonsense is a field error (400
 * validation) rather than an unreadable body.
 */
record RegisterAccountRequest(
        @NotNull @Pattern(regexp = "RIDER|DRIVER", message = "must be RIDER or DRIVER") String role,
        @NotNull @ValidEmail String email,
        @NotNull @ValidPassword String password,
        @NotBlank @Size(max = Account.MAX_NAME_LENGTH)
        @Pattern(regexp = ControlCharacters.NONE, message = ValidEmail.CONTROL_CHARACTERS) String name) {

    Registration toRegistration() {
        return new Registration(Role.valueOf(role), EmailAddress.of(email), password, name);
    }

    @Override
    public String toString() {
        return "RegisterAccountRequest[role=" + role + ", email=" + email + ", password=***, name=" + name + "]";
    }
}
