package dev.hailway.payments.authorizations;

import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.payments.api.PaymentReleased;

/** Tells trips (and history) what happened to a trip's money; called in the transaction that did it. */
public interface PaymentEvents {

    void authorized(PaymentAuthorized event);

    void declined(PaymentDeclined event);

    void captured(PaymentCaptured event);

    void released(PaymentReleased event);

    void feeCharged(CancellationFeeCharged event);
}
