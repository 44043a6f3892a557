package dev.hailway.payments.authorizations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.common.api.Money;
import dev.hailway.payments.authorizations.AuthorizationDecision.Approve;
import dev.hailway.payments.authorizations.AuthorizationDecision.Decline;
import dev.hailway.payments.methods.PaymentMethod;
import dev.hailway.payments.methods.PaymentMethodId;
import dev.hailway.payments.methods.TestCard;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorizationDecisionTest {

    private static final UUID RIDER = UUID.randomUUID();
    private static final Money FARE = Money.of(15_600, "KRW");

    @Test
    void approvesAHoldOnTheRidersOwnWorkingCard() {
        assertThat(AuthorizationDecision.decide(RIDER, FARE, method(RIDER, TestCard.VISA))).isEqualTo(new Approve());
    }

    @Test
    void declinesAnUnknownMethod() {
        assertThat(AuthorizationDecision.decide(RIDER, FARE, Optional.empty()))
                .isEqualTo(new Decline("unknown_payment_method"));
    }

    @Test
    void declinesAnotherRidersMethodAsIfUnknown() {
        assertThat(AuthorizationDecision.decide(RIDER, FARE, method(UUID.randomUUID(), TestCard.VISA)))
                .isEqualTo(new Decline("unknown_payment_method"));
    }

    @Test
    void declinesWhenTheCardDeclines() {
        assertThat(AuthorizationDecision.decide(RIDER, FARE, method(RIDER, TestCard.CHARGE_DECLINED)))
                .isEqualTo(new Decline("card_declined"));
    }

    @Test
    void declinesAFareOfNothing() {
        assertThat(AuthorizationDecision.decide(RIDER, Money.zero("KRW"), method(RIDER, TestCard.VISA)))
                .isEqualTo(new Decline("invalid_amount"));
    }

    @Test
    void aHoldCapsWhatCanBeChargedAtTheHeldAmount() {
        var held = new Authorization.Held(new Authorization.Hold(UUID.randomUUID(), UUID.randomUUID(), RIDER,
                PaymentMethodId.random(), FARE, Instant.now()));

        assertThat(held.capture(Money.of(20_000, "KRW"), Instant.now()).captured()).isEqualTo(FARE);
        assertThat(held.capture(Money.of(14_000, "KRW"), Instant.now()).captured()).isEqualTo(Money.of(14_000, "KRW"));
        assertThat(held.chargeFee(Money.of(3_000, "KRW"), Instant.now()).fee()).isEqualTo(Money.of(3_000, "KRW"));
    }

    private static Optional<PaymentMethod> method(UUID owner, TestCard card) {
        return Optional.of(new PaymentMethod(PaymentMethodId.random(), owner, card, Instant.now()));
    }
}
