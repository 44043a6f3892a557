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
}
