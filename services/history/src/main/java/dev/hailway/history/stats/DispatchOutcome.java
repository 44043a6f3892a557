package dev.hailway.history.stats;

import java.util.Optional;

import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.dispatch.api.OfferDeclined;
import dev.hailway.dispatch.api.OfferExpired;
import dev.hailway.dispatch.api.OfferMade;

/** What dispatch reported, counted for operations. */
public enum DispatchOutcome {
    OFFER_MADE,
    OFFER_DECLINED,
    OFFER_EXPIRED,
    DRIVER_ASSIGNED,
    NO_DRIVER_FOUND;

    public static Optional<DispatchOutcome> of(Object event) {
        return Optional.ofNullable(switch (event) {
            case OfferMade e -> OFFER_MADE;
            case OfferDeclined e -> OFFER_DECLINED;
            case OfferExpired e -> OFFER_EXPIRED;
            case DriverAssigned e -> DRIVER_ASSIGNED;
            case NoDriverFound e -> NO_DRIVER_FOUND;
            default -> null;
        });
    }
}
