package dev.hailway.simulator.drivers;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import dev.hailway.simulator.api.HailwayApi;
import dev.hailway.simulator.api.Reply;
import dev.hailway.simulator.api.Session;
import dev.hailway.simulator.api.Unreachable;
import dev.hailway.simulator.figures.Figures;
import dev.hailway.simulator.seoul.GeoPoint;
import dev.hailway.simulator.seoul.Seoul;
import dev.hailway.simulator.seoul.StreetWalker;
import tools.jackson.databind.JsonNode;

/**
 * One driver on shift: cruises the streets and reports its position, polls its offers every second, accepts most,
 * then drives to the pickup, arrives, starts, rides and completes, and is free again. One thread per driver.
 */
public final class SimulatedDriver implements Runnable {

    private static final Duration BOARDING = Duration.ofSeconds(1);
    /** A step the platform keeps refusing (the trip never became ours) is given up after this long. */
    private static final Duration STEP_PATIENCE = Duration.ofSeconds(60);

    private final HailwayApi api;
    private final Session session;
    private final DriverDecisions decisions;
    private final StreetWalker walker;
    private final Duration pingEvery;
    /** The driver's tick: offers are polled, the car moved and the trip moved on once per tick. */
    private final Duration tick;
    private final Set<UUID> answeredOffers = new HashSet<>();
    private volatile boolean onShift = true;

    private Job job;
    private Instant lastMove = Instant.now();
    private Instant lastPing = Instant.MIN;

    private enum Phase { APPROACHING, BOARDING, RIDING }

    private static final class Job {
        final UUID tripId;
        final GeoPoint pickup;
        final GeoPoint dropoff;
        Phase phase = Phase.APPROACHING;
        Instant phaseEnds;
        Instant stepSince;

        Job(UUID tripId, GeoPoint pickup, GeoPoint dropoff, Instant phaseEnds) {
            this.tripId = tripId;
            this.pickup = pickup;
            this.dropoff = dropoff;
            this.phaseEnds = phaseEnds;
        }
    }

    enum StepOutcome { DONE, NOT_YET, GONE }

    private SimulatedDriver(HailwayApi api, Session session, DriverDecisions decisions, StreetWalker walker, Duration pingEvery,
            Duration tick) {
        this.api = api;
        this.session = session;
        this.decisions = decisions;
        this.walker = walker;
        this.pingEvery = pingEvery;
        this.tick = tick;
    }

    /** Signs a driver up, registers the car and starts the shift; null when the platform refused any of it. */
    public static SimulatedDriver startShift(HailwayApi api, int number, DriverDecisions decisions, Duration pingEvery,
            Duration pollEvery) {
        Session session = api.signUp("DRIVER", "Simulated driver " + number);
        if (session == null) {
            return null;
        }
        String plate = "%02d하%04d".formatted(10 + number % 90, 1000 + number % 9000);
        Reply vehicle = api.put(session, "/api/drivers/me/vehicle",
                Map.of("plate", plate, "model", "Hyundai Sonata", "vehicleClass", "STANDARD"));
        if (!vehicle.ok() || !api.post(session, "/api/drivers/me/online", null).ok()) {
            return null;
        }
        StreetWalker walker = new StreetWalker(Seoul.randomCorner(decisions.random()), decisions.random());
        return new SimulatedDriver(api, session, decisions, walker, pingEvery, pollEvery);
    }

    /** Ends the shift after the current tick; a trip still under way is abandoned (the drain waits for them first). */
    public void endShift() {
        onShift = false;
    }

    @Override
    public void run() {
        try {
            while (onShift) {
                try {
                    tick();
                } catch (Unreachable e) {
                    // Counted already; a real app would just try again on its next tick.
                }
                Thread.sleep(tick);
            }
            api.post(session, "/api/drivers/me/offline", null);
        } catch (InterruptedException | CancellationException e) {
            Thread.currentThread().interrupt();
        } catch (Unreachable e) {
            // Going offline failed: nothing more to do at the end of the run.
        }
    }

    private void tick() {
        Instant now = Instant.now();
        move(Duration.between(lastMove, now));
        lastMove = now;
        if (Duration.between(lastPing, now).compareTo(pingEvery) >= 0) {
            ping(now);
        }
        if (job == null) {
            answerOffers(now);
        } else {
            work(now);
        }
    }

    private void move(Duration elapsed) {
        double meters = decisions.metersIn(elapsed, job != null);
        if (job == null) {
            walker.cruise(meters);
        } else {
            walker.driveTo(job.phase == Phase.RIDING ? job.dropoff : job.pickup, meters);
        }
    }

    private void ping(Instant now) {
        GeoPoint at = walker.position();
        api.post(session, "/api/locations", Map.of("lat", at.lat(), "lng", at.lng(), "heading", walker.headingDegrees(),
                "speedKmh", decisions.reportedSpeedKmh(job != null), "at", now.toString()));
        lastPing = now;
    }

    private void answerOffers(Instant now) {
        Reply offers = api.get(session, "/api/offers");
        if (!offers.ok() || !offers.body().isArray()) {
            return;
        }
        for (JsonNode offer : offers.body()) {
            UUID offerId = UUID.fromString(offer.get("offerId").asString());
            if (!"PENDING".equals(offer.get("status").asString()) || !answeredOffers.add(offerId)) {
                continue;
            }
            if (job != null || !decisions.accepts()) {
                api.post(session, "/api/offers/" + offerId + "/decline", null);
                continue;
            }
            if (api.post(session, "/api/offers/" + offerId + "/accept", null).ok()) {
                GeoPoint pickup = point(offer.get("pickup"));
                job = new Job(UUID.fromString(offer.get("tripId").asString()), pickup, point(offer.get("dropoff")),
                        now.plus(decisions.approachTime(walker.position().metersTo(pickup))));
            }
        }
    }

    private void work(Instant now) {
        if (now.isBefore(job.phaseEnds)) {
            return;
        }
        switch (job.phase) {
            case APPROACHING -> step(now, "arrive", Phase.BOARDING, BOARDING);
            case BOARDING -> step(now, "start", Phase.RIDING, decisions.rideTime(job.pickup.metersTo(job.dropoff)));
            case RIDING -> {
                if (step(now, "complete", null, Duration.ZERO) == StepOutcome.DONE) {
                    job = null;
                }
            }
        }
    }

    private StepOutcome step(Instant now, String step, Phase next, Duration nextLasts) {
        StepOutcome outcome = call(step);
        switch (outcome) {
            case DONE -> {
                job.phase = next == null ? job.phase : next;
                job.phaseEnds = now.plus(nextLasts);
                job.stepSince = null;
            }
            case GONE -> job = null;
            case NOT_YET -> {
                job.stepSince = job.stepSince == null ? now : job.stepSince;
                if (Duration.between(job.stepSince, now).compareTo(STEP_PATIENCE) > 0) {
                    job = null;
                }
            }
        }
        return outcome;
    }

    /**
     * A refusal means the trip is not where the step expects it: trips has not yet applied the assignment (until
     * then the trip is not ours, so 404 or 409: try again on the next tick), the trip ended without us (the rider
     * cancelled, the platform gave up), or the step was taken already: an earlier attempt timed out on the way
     * back but was applied, so the trip is past it and the driver goes on from there (as the chaos run showed, a
     * driver who kept asking to arrive left the trip waiting for its pickup deadline).
     */
    private StepOutcome call(String step) {
        Reply reply = api.post(session, "/api/trips/" + job.tripId + "/" + step, null);
        if (reply.ok()) {
            return StepOutcome.DONE;
        }
        Reply trip = api.get(session, "/api/trips/" + job.tripId);
        if (!trip.ok()) {
            return StepOutcome.NOT_YET;
        }
        return outcomeSeen(step, trip.text("status"));
    }

    /** What the trip's status says of a step the platform refused. */
    static StepOutcome outcomeSeen(String step, String status) {
        String after = switch (step) {
            case "arrive" -> "DRIVER_ARRIVED";
            case "start" -> "IN_PROGRESS";
            default -> "COMPLETED";
        };
        if (status != null && !"CANCELLED".equals(status) && Figures.STATUSES.indexOf(status) >= Figures.STATUSES.indexOf(after)) {
            return StepOutcome.DONE;
        }
        return Figures.isTerminal(status) ? StepOutcome.GONE : StepOutcome.NOT_YET;
    }

    private static GeoPoint point(JsonNode node) {
        return new GeoPoint(node.get("lat").asDouble(), node.get("lng").asDouble());
    }
}
