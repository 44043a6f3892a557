package dev.hailway.dispatch.matching;

import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.dispatch.api.OfferDeclined;
import dev.hailway.dispatch.api.OfferExpired;
import dev.hailway.dispatch.api.OfferMade;

/** The facts dispatch tells the others about; published in the transaction of the change. */
public interface DispatchEvents {

    void offerMade(OfferMade event);

    void offerDeclined(OfferDeclined event);

    void offerExpired(OfferExpired event);

    void driverAssigned(DriverAssigned event);

    void noDriverFound(NoDriverFound event);
}
