package dev.hailway.trips.riding;

import dev.hailway.common.api.Money;
import dev.hailway.trips.api.TripStatus;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.Decision;
import dev.hailway.trips.trip.ListPosition;
import dev.hailway.trips.trip.Trip;
import dev.hailway.trips.trip.TripId;
import dev.hailway.trips.trip.Trips;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * What riders, drivers and operators do with a trip once it exists, and who may do it: its rider and its driver
 * see it, operators see every trip; only its driver moves it on; its rider or its driver may cancel it. For
 * anyone else the trip does not exist. Moves run inside the caller's transaction.
 */
public final class Riding {

    public static final int MAX_LIST = 100;

    private final Trips trips;
    private final ChangingTrips changing;
    private final long lateCancellationFee;

    public Riding(Trips trips, ChangingTrips changing, long lateCancellationFee) {
        this.trips = trips;
        this.changing = changing;
        this.lateCancellationFee = lateCancellationFee;
    }

    public Trip view(TripId id, Caller caller) {
        return trips.find(id)
                .filter(trip -> caller.isOperator() || trip.isRiddenBy(caller.accountId())
                        || trip.isDrivenBy(caller.accountId()))
                .orElseThrow(TripNotFound::new);
    }

    /**
     * For operators: the trips that changed last, in one status or in any, a page at a time: the next page starts
     * after the last trip of this one ({@link ListPosition#of}).
     *
     * @throws TripNotFound for anyone else
     */
    public List<Trip> recentlyChanged(Caller caller, @Nullable TripStatus status, @Nullable ListPosition after,
                                      int limit) {
        if (!caller.isOperator()) {
            throw new TripNotFound();
        }
        return trips.recentlyChanged(status, after, Math.clamp(limit, 1, MAX_LIST));
    }

    public Trip arrive(TripId id, Caller driver) {
        return driverMove(id, driver, (trip, now) -> trip.arrive(now));
    }

    public Trip start(TripId id, Caller driver) {
        return driverMove(id, driver, (trip, now) -> trip.start(now));
    }

    public Trip complete(TripId id, Caller driver) {
        return driverMove(id, driver, (trip, now) -> trip.complete(now));
    }

    /** By its rider (a fee once a driver is on the way) or by its driver (free). */
    public Trip cancel(TripId id, Caller caller) {
        return apply(id, (trip, now) -> {
            if (trip.isRiddenBy(caller.accountId())) {
                return trip.cancelByRider(new Money(lateCancellationFee, trip.fare().currency()), now);
            }
            if (trip.isDrivenBy(caller.accountId())) {
                return trip.cancelByDriver(now);
            }
            throw new TripNotFound();
        });
    }

    private Trip driverMove(TripId id, Caller driver, BiFunction<Trip, Instant, Decision> move) {
        return apply(id, (trip, now) -> {
            if (!trip.isDrivenBy(driver.accountId())) {
                throw new TripNotFound();
            }
            return move.apply(trip, now);
        });
    }

    private Trip apply(TripId id, BiFunction<Trip, Instant, Decision> decide) {
        Decision decision = changing.change(id, decide).orElseThrow(TripNotFound::new);
        return switch (decision) {
            case Decision.Move move -> move.after();
            case Decision.Refusal refusal -> throw new MoveRefused(refusal.trip().status(), refusal.why());
        };
    }
}
