package dev.hailway.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void trimsAndLowerCasesSoThatOnePersonHasOneAddress() {
        assertThat(EmailAddress.of("  Ann.Lee@Example.ORG ")).isEqualTo(EmailAddress.of("ann.lee@example.org"));
        assertThat(EmailAddress.of("  Ann.Lee@Example.ORG ").value()).isEqualTo("ann.lee@example.org");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertThat(EmailAddress.isValid("ann")).isFalse();
        assertThat(EmailAddress.isValid("ann@")).isFalse();
        assertThat(EmailAddress.isValid("ann@example")).isFalse();
        assertThat(EmailAddress.isValid("a b@example.org")).isFalse();
        assertThat(EmailAddress.isValid(null)).isFalse();
        assertThat(EmailAddress.isValid("x".repeat(250) + "@example.org")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("nobody"));
    }

    @Test
    void refusesControlCharactersAnywhereInTheAddress() {
        assertThat(EmailAddress.isValid("ann\u0000@example.org")).isFalse();
        assertThat(EmailAddress.isValid("ann@exam\u0007ple.org")).isFalse();
        assertThat(EmailAddress.isValid("ann@example.org\u001B")).isFalse();
        assertThat(EmailAddress.isValid("\u0000ann@example.org")).isFalse();
    }

    @Test
    void refusesToHoldAnAddressThatIsNotNormalised() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("Ann@example.org"));
    }
}
