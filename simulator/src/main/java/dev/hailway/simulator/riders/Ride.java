package dev.hailway.simulator.riders;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import dev.hailway.simulator.api.HailwayApi;
import dev.hailway.simulator.api.Reply;
import dev.hailway.simulator.api.Unreachable;
import dev.hailway.simulator.figures.Figures;

/**
 * One trip from the rider's side: quote, request (with an idempotency key, so that a retry after a timeout cannot
 * book twice), then watch the trip until it ends, cancelling it before pickup if the rider decided so.
 */
public final class Ride implements Runnable {

    private static final int REQUEST_ATTEMPTS = 3;

    private final HailwayApi api;
    private final SimulatedRider rider;
    private final Figures figures;
    private final BooleanSupplier givenUp;
    private final Duration ridingPoll;
    /** Twice as often while waiting for a driver: the request-to-assignment figure is only as fine as this. */
    private final Duration waitingPoll;

    /** {@code givenUp} turns true when the run stops waiting for open trips (the end of the drain). */
    public Ride(HailwayApi api, SimulatedRider rider, Figures figures, Duration pollEvery, BooleanSupplier givenUp) {
        this.api = api;
        this.rider = rider;
        this.figures = figures;
        this.givenUp = givenUp;
        this.ridingPoll = pollEvery;
        this.waitingPoll = pollEvery.dividedBy(2);
    }

    @Override
    public void run() {
        try {
            RiderDecisions.Plan plan = rider.decisions().plan();
            Reply quote = api.post(rider.session(), "/api/quotes",
                    Map.of("pickup", plan.pickup().json(), "dropoff", plan.dropoff().json(), "vehicleClass", "STANDARD"));
            if (quote.status() != 201) {
                return;
            }
            long requestedAt = System.nanoTime();
            Reply trip = request(quote.text("quoteId"));
            if (trip == null || trip.status() != 201) {
                return;
            }
            UUID tripId = UUID.fromString(trip.text("tripId"));
            String status = trip.text("status") == null ? "REQUESTED" : trip.text("status");
            figures.tripStatus(tripId, status, null);
            watch(tripId, status, requestedAt, rider.decisions().cancelAfter());
        } catch (Unreachable e) {
            // Counted already; the trip (if any) stays with its last seen status.
        } catch (CancellationException e) {
            Thread.currentThread().interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply request(String quoteId) throws InterruptedException {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("quoteId", quoteId, "paymentMethodId", rider.paymentMethodId());
        for (int attempt = 1; ; attempt++) {
            try {
                Reply reply = api.post(rider.session(), "/api/trips", body, idempotencyKey);
                // 409: the first attempt is still being processed; 5xx: it may or may not have been. Same key either way.
                boolean worthRetrying = reply.status() == 409 || reply.status() >= 500;
                if (!worthRetrying || attempt == REQUEST_ATTEMPTS) {
                    return reply;
                }
            } catch (Unreachable e) {
                if (attempt == REQUEST_ATTEMPTS) {
                    return null;
                }
            }
            Thread.sleep(waitingPoll);
        }
    }

    private void watch(UUID tripId, String initial, long requestedAt, Optional<Duration> cancelAfter) throws InterruptedException {
        String status = initial;
        boolean assignmentSeen = false;
        boolean cancelled = false;
        while (!Figures.isTerminal(status) && !givenUp.getAsBoolean()) {
            Thread.sleep(assignmentSeen ? ridingPoll : waitingPoll);
            long waitedNanos = System.nanoTime() - requestedAt;
            if (!cancelled && cancelAfter.isPresent() && waitedNanos >= cancelAfter.get().toNanos()
                    && RiderDecisions.beforePickup(status)) {
                cancelled = true;
                api.post(rider.session(), "/api/trips/" + tripId + "/cancel", null);
            }
            Reply trip;
            try {
                trip = api.get(rider.session(), "/api/trips/" + tripId);
            } catch (Unreachable e) {
                continue;
            }
            if (!trip.ok() || trip.text("status") == null) {
                continue;
            }
            status = trip.text("status");
            figures.tripStatus(tripId, status, trip.text("reason"));
            if (!assignmentSeen && driverAssigned(status)) {
                assignmentSeen = true;
                figures.assignedAfter(Duration.ofNanos(System.nanoTime() - requestedAt).toMillis());
            }
        }
    }

    /** DRIVER_ASSIGNED or any later status of a ride that happened; a poll may miss the assigned status itself. */
    static boolean driverAssigned(String status) {
        int index = Figures.STATUSES.indexOf(status);
        return index >= Figures.STATUSES.indexOf("DRIVER_ASSIGNED") && !status.equals("CANCELLED");
    }
}
