package dev.hailway.payments.methods;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestCardTest {

    @Test
    void knowsTheProvidersTestTokensAndNothingElse() {
        assertThat(TestCard.forToken("tok_visa")).contains(TestCard.VISA);
        assertThat(TestCard.forToken("tok_chargeDeclined")).contains(TestCard.CHARGE_DECLINED);
        assertThat(TestCard.forToken("tok_VISA")).isEmpty();
        assertThat(TestCard.forToken("4242424242424242")).isEmpty();
    }

    @Test
    void onlyTheDecliningCardRefusesHolds() {
        assertThat(TestCard.VISA.approvesHolds()).isTrue();
        assertThat(TestCard.CHARGE_DECLINED.approvesHolds()).isFalse();
    }
}
