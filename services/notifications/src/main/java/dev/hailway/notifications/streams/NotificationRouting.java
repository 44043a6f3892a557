package dev.hailway.notifications.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.dispatch.api.OfferMade;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripCancelled;
import dev.hailway.trips.api.TripCompleted;
import dev.hailway.trips.api.TripDispatchRequested;
import dev.hailway.trips.api.TripDriverArrived;
import dev.hailway.trips.api.TripDriverAssigned;
import dev.hailway.trips.api.TripPaid;
import dev.hailway.trips.api.TripRequested;
import dev.hailway.trips.api.TripStarted;
import dev.hailway.trips.api.TripStatus;

/**
 * Who hears about an event: a trip's changes go to its rider and, once it has one, its driver; an offer goes to
 * the driver it was made to. Everything else is of no interest to a live stream.
 */
public final class NotificationRouting {

    private NotificationRouting() {
    }

    /** The notifications for {@code event} (a contract record), one per recipient; none for other events. */
    public static List<Notification> route(UUID eventId, Object event) {
        return switch (event) {
            case TripRequested e -> trip(eventId, e, e.tripId(), e.riderId(), null, TripStatus.REQUESTED, null, e.requestedAt());
            case TripDispatchRequested e -> trip(eventId, e, e.tripId(), e.riderId(), null, TripStatus.PAYMENT_AUTHORIZED, null, e.at());
            case TripDriverAssigned e -> trip(eventId, e, e.tripId(), e.riderId(), e.driverId(), TripStatus.DRIVER_ASSIGNED, null, e.at());
            case TripDriverArrived e -> trip(eventId, e, e.tripId(), e.riderId(), e.driverId(), TripStatus.DRIVER_ARRIVED, null, e.at());
            case TripStarted e -> trip(eventId, e, e.tripId(), e.riderId(), e.driverId(), TripStatus.IN_PROGRESS, null, e.at());
            case TripCompleted e -> trip(eventId, e, e.tripId(), e.riderId(), e.driverId(), TripStatus.COMPLETED, null, e.at());
            case TripPaid e -> trip(eventId, e, e.tripId(), e.riderId(), e.driverId(), TripStatus.PAID, null, e.at());
            case TripCancelled e -> trip(eventId, e, e.tripId(), e.riderId(), e.driverId(), TripStatus.CANCELLED, e.reason(), e.at());
            case OfferMade e -> List.of(new Notification(e.driverId(), eventId, "OfferMade", offer(e)));
            default -> List.of();
        };
    }

    private static List<Notification> trip(UUID eventId, Object event, UUID tripId, UUID riderId, UUID driverId,
                                           TripStatus status, CancellationReason reason, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tripId", tripId);
        data.put("status", status.name());
        if (reason != null) {
            data.put("reason", reason.name());
        }
        if (driverId != null) {
            data.put("driverId", driverId);
        }
        data.put("at", at);
        String name = event.getClass().getSimpleName();
        List<Notification> notifications = new ArrayList<>(2);
        notifications.add(new Notification(riderId, eventId, name, data));
        if (driverId != null && !driverId.equals(riderId)) {
            notifications.add(new Notification(driverId, eventId, name, data));
        }
        return notifications;
    }

    private static Map<String, Object> offer(OfferMade offer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("offerId", offer.offerId());
        data.put("tripId", offer.tripId());
        data.put("pickup", offer.pickup());
        data.put("dropoff", offer.dropoff());
        data.put("fare", offer.fare());
        data.put("distanceMeters", offer.distanceMeters());
        data.put("expiresAt", offer.expiresAt());
        data.put("at", offer.at());
        return data;
    }
}
