package dev.hailway.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTwelveToOneHundredTwentyEightCharacters() {
        assertThat(PasswordPolicy.violation("x".repeat(12))).isEmpty();
        assertThat(PasswordPolicy.violation("x".repeat(128))).isEmpty();
    }

    @Test
    void refusesShortLongBlankAndMissingPasswords() {
        assertThat(PasswordPolicy.violation("x".repeat(11))).isPresent();
        assertThat(PasswordPolicy.violation("x".repeat(129))).isPresent();
        assertThat(PasswordPolicy.violation(" ".repeat(20))).isPresent();
        assertThat(PasswordPolicy.violation("")).isPresent();
        assertThat(PasswordPolicy.violation(null)).isPresent();
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String sixEmoji = "😀".repeat(6);
        assertThat(sixEmoji.length()).isEqualTo(12);
        assertThat(PasswordPolicy.violation(sixEmoji)).isPresent();
        assertThat(PasswordPolicy.violation("😀".repeat(12))).isEmpty();
    }

    @Test
    void refusesControlCharactersButNotSpacesPunctuationOrOtherScripts() {
        assertThat(PasswordPolicy.violation("correct horse\u0000battery"))
                .hasValue("must not contain control characters");
        assertThat(PasswordPolicy.violation("correct horse\u0007battery")).isPresent();
        assertThat(PasswordPolicy.violation("correct horse\u001Bbattery")).isPresent();
        assertThat(PasswordPolicy.violation("correct horse\u0085battery")).isPresent();
        assertThat(PasswordPolicy.violation("correct horse, battery! 말 배터리")).isEmpty();
    }
}
