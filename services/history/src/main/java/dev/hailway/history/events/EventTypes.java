package dev.hailway.history.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.dispatch.api.DriverAssigned;
import dev.hailway.dispatch.api.NoDriverFound;
import dev.hailway.dispatch.api.OfferDeclined;
import dev.hailway.dispatch.api.OfferExpired;
import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.payments.api.CancellationFeeCharged;
import dev.hailway.payments.api.PaymentAuthorized;
import dev.hailway.payments.api.PaymentCaptured;
import dev.hailway.payments.api.PaymentDeclined;
import dev.hailway.payments.api.PaymentReleased;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverArrived;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;
import dev.hailway.trips.api.TripTopics;

/** The topics history reads and the event records they carry, by the type name on the envelope. */
public final class EventTypes {

    public static final List<String> TOPICS = List.of(TripTopics.TRIPS, PaymentTopics.PAYMENTS, DispatchTopics.OFFERS);

    private static final Map<String, Class<?>> BY_NAME = List.<Class<?>>of(
                    TripRequested.class, TripDispatchRequested.class, TripDriverAssigned.class, TripDriverArrived.class,
                    TripStarted.class, TripCompleted.class, TripPaid.class, TripCancelled.class,
                    PaymentAuthorized.class, PaymentDeclined.class, PaymentCaptured.class, PaymentReleased.class,
                    CancellationFeeCharged.class,
                    OfferMade.class, OfferDeclined.class, OfferExpired.class, DriverAssigned.class, NoDriverFound.class)
            .stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static Optional<Class<?>> byName(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }
}
