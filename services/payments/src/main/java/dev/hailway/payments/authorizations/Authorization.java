package dev.hailway.payments.authorizations;

import dev.hailway.common.api.Money;
import dev.hailway.payments.methods.PaymentMethodId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A hold on a rider's card for one trip, and what became of it. A hold is settled exactly once: captured when
 * the trip completes, released when it is cancelled for free, or partly captured as a cancellation fee.
 */
public sealed interface Authorization permits Authorization.Held, Authorization.Captured, Authorization.Released,
        Authorization.FeeCharged {

    Hold hold();

    /** What every state shares: the hold as it was placed. */
    record Hold(UUID id, UUID tripId, UUID riderId, PaymentMethodId paymentMethodId, Money amount, Instant heldAt) {

        public Hold {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(tripId, "tripId");
            Objects.requireNonNull(riderId, "riderId");
            Objects.requireNonNull(paymentMethodId, "paymentMethodId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(heldAt, "heldAt");
            if (amount.amount() <= 0) {
                throw new IllegalArgumentException("a hold is for a positive amount");
            }
        }

        /** At most the hold: a card cannot be charged more than was authorized. */
        public Money capped(Money requested) {
            if (!requested.currency().equals(amount.currency())) {
                throw new IllegalArgumentException("cannot charge " + requested.currency() + " on a "
                        + amount.currency() + " hold");
            }
            return requested.amount() > amount.amount() ? amount : requested;
        }
    }

    record Held(Hold hold) implements Authorization {

        public Captured capture(Money fare, Instant at) {
            return new Captured(hold, hold.capped(fare), at);
        }

        public Released release(Instant at) {
            return new Released(hold, at);
        }

        public FeeCharged chargeFee(Money fee, Instant at) {
            return new FeeCharged(hold, hold.capped(fee), at);
        }
    }

    record Captured(Hold hold, Money captured, Instant at) implements Authorization {
    }

    record Released(Hold hold, Instant at) implements Authorization {
    }

    /** {@code fee} was captured, the rest of the hold released. */
    record FeeCharged(Hold hold, Money fee, Instant at) implements Authorization {
    }
}
