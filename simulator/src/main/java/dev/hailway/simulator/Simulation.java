package dev.hailway.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.hailway.simulator.api.HailwayApi;
import dev.hailway.simulator.api.Unreachable;
import dev.hailway.simulator.drivers.DriverDecisions;
import dev.hailway.simulator.drivers.SimulatedDriver;
import dev.hailway.simulator.figures.Figures;
import dev.hailway.simulator.figures.Report;
import dev.hailway.simulator.figures.Summary;
import dev.hailway.simulator.history.History;
import dev.hailway.simulator.riders.Ride;
import dev.hailway.simulator.riders.RiderDecisions;
import dev.hailway.simulator.riders.SimulatedRider;

/**
 * A whole run: sign everyone up, put the drivers on shift, request trips at the set rate until the duration or the
 * trip count is reached, give open trips the drain period to end, and sum up. Blocking; callable from a test.
 */
public final class Simulation {

    /**
     * Sign-ups at once: identity hashes every password with Argon2 on purpose, so more at once only makes each one
     * slower on a laptop, and the credentials rate limit would take them for an attack.
     */
    private static final int SIGN_UP_CONCURRENCY = 4;

    private final SimulationOptions options;
    private final PrintStream out;
    private final Figures figures = new Figures();
    private final HailwayApi api;
    private final History history;
    private final long startedAt = System.nanoTime();
    private volatile boolean givenUp;
    private volatile boolean signingUp = true;
    private final AtomicInteger driversReady = new AtomicInteger();
    private final AtomicInteger ridersReady = new AtomicInteger();

    private final Runnable rushStarted;

    private Simulation(SimulationOptions options, PrintStream out, Runnable rushStarted) {
        this.options = options;
        this.out = out;
        this.rushStarted = rushStarted;
        this.history = options.history() == null ? History.none() : History.writingTo(options.history());
        this.api = new HailwayApi(options.gateway(), figures, history);
    }

    public static Summary run(SimulationOptions options, PrintStream out) {
        return run(options, out, () -> { });
    }

    /** As {@link #run(SimulationOptions, PrintStream)}; {@code rushStarted} runs once everyone signed up and the trips begin. */
    public static Summary run(SimulationOptions options, PrintStream out, Runnable rushStarted) {
        return new Simulation(options, out, rushStarted).run();
    }

    private Summary run() {
        // Ctrl-C still shows what the run saw so far.
        Thread interrupted = new Thread(() -> out.println("Interrupted" + System.lineSeparator() + Report.closing(figures.summary())));
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            return simulate();
        } finally {
            history.close();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook prints the summary.
            }
        }
    }

    private Summary simulate() {
        out.printf("Simulating %d drivers and %d riders against %s: %s trips/min for %ds%s, drain %ds, seed %d%n",
                options.drivers(), options.riders(), options.gateway(), options.ratePerMinute(),
                options.duration().toSeconds(), options.trips() > 0 ? " or " + options.trips() + " trips" : "",
                options.drain().toSeconds(), options.seed());
        var reporter = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        long every = options.reportEvery().toMillis();
        reporter.scheduleAtFixedRate(this::report, every, every, TimeUnit.MILLISECONDS);
        List<SimulatedDriver> drivers = signUp(options.drivers(), driversReady, number -> SimulatedDriver.startShift(api, number,
                new DriverDecisions(new Random(options.seed() + number), options.acceptRate(), options.timeScale(),
                        options.speedKmh()), options.pingEvery(), options.pollEvery()));
        // On the streets and pinging while the riders sign up, so that location knows them when the first trip comes.
        ExecutorService driving = Executors.newVirtualThreadPerTaskExecutor();
        drivers.forEach(driving::submit);
        List<SimulatedRider> riders = signUp(options.riders(), ridersReady, number -> SimulatedRider.signUp(api, number,
                new RiderDecisions(new Random(~options.seed() + number), options.declinedShare(), options.cancelShare())));
        signingUp = false;
        out.printf("Signed up %d/%d drivers (on shift) and %d/%d riders (with a card) in %ds%n", drivers.size(),
                options.drivers(), riders.size(), options.riders(), elapsed().toSeconds());
        if (figures.summary().errorsByKind().keySet().stream().anyMatch(kind -> kind.startsWith("429"))) {
            out.println("  (sign-ups were rate limited: the gateway's credentials bucket is per address; raise "
                    + "HAILWAY_GATEWAY_RATELIMIT_CREDENTIALS_CAPACITY/_REFILLTOKENS for large runs)");
        }
        try {
            if (drivers.isEmpty() && riders.isEmpty() && options.drivers() + options.riders() > 0) {
                out.println("Nobody could sign up: is the platform running at " + options.gateway() + "?");
                return sumUp();
            }
            ExecutorService rides = Executors.newVirtualThreadPerTaskExecutor();
            rushStarted.run();
            requestTrips(riders, rides);
            out.printf("Requests stopped at %ds; draining %d open trips for up to %ds%n", elapsed().toSeconds(),
                    figures.openTrips(), options.drain().toSeconds());
            rides.shutdown();
            if (!rides.awaitTermination(options.drain().toMillis(), TimeUnit.MILLISECONDS)) {
                givenUp = true;
                rides.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            givenUp = true;
            reporter.shutdownNow();
            drivers.forEach(SimulatedDriver::endShift);
            driving.shutdown();
            awaitQuietly(driving);
        }
        return sumUp();
    }

    private Summary sumUp() {
        Summary summary = figures.summary();
        out.println(Report.live(summary, elapsed()));
        out.println(Report.closing(summary));
        return summary;
    }

    /** One rider per trip request, taken from those not already on a trip; a request with none free is skipped. */
    private void requestTrips(List<SimulatedRider> riders, ExecutorService rides) throws InterruptedException {
        BlockingQueue<SimulatedRider> free = new LinkedBlockingQueue<>(riders);
        long intervalNanos = Math.round(60e9 / options.ratePerMinute());
        long endAt = System.nanoTime() + options.duration().toNanos();
        long next = System.nanoTime();
        long requested = 0;
        long skipped = 0;
        while (System.nanoTime() < endAt && (options.trips() == 0 || requested < options.trips())) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, endAt - System.nanoTime()));
                if (System.nanoTime() >= endAt) {
                    break;
                }
            }
            next += intervalNanos;
            SimulatedRider rider = free.poll();
            if (rider == null) {
                skipped++;
                continue;
            }
            requested++;
            Ride ride = new Ride(api, rider, figures, options.pollEvery(), () -> givenUp);
            rides.submit(() -> {
                try {
                    ride.run();
                } finally {
                    free.add(rider);
                }
            });
        }
        if (riders.isEmpty()) {
            out.println("No rider could sign up: no trips requested");
        } else if (skipped > 0) {
            out.printf("%d requests skipped: every rider was on a trip (raise --riders or lower --rate)%n", skipped);
        }
    }

    private interface Actor<T> {
        T signUp(int number);
    }

    /** Sign-up can take minutes against a gateway with a small credentials bucket: show that it moves. */
    private void report() {
        if (signingUp) {
            out.printf("[%4ds] signing up: %d/%d drivers, %d/%d riders | errors: %s%n", elapsed().toSeconds(),
                    driversReady.get(), options.drivers(), ridersReady.get(), options.riders(),
                    Report.errors(figures.summary()));
        } else {
            out.println(Report.live(figures.summary(), elapsed()));
        }
    }

    private <T> List<T> signUp(int count, AtomicInteger ready, Actor<T> actor) {
        Semaphore permits = new Semaphore(SIGN_UP_CONCURRENCY);
        List<Future<T>> pending = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int number = 1; number <= count; number++) {
                int n = number;
                pending.add(executor.submit(() -> {
                    T signedUp = withPermit(permits, () -> actor.signUp(n));
                    if (signedUp != null) {
                        ready.incrementAndGet();
                    }
                    return signedUp;
                }));
            }
        }
        List<T> signedUp = new ArrayList<>();
        for (Future<T> future : pending) {
            T value = future.state() == Future.State.SUCCESS ? future.resultNow() : null;
            if (value != null) {
                signedUp.add(value);
            }
        }
        return signedUp;
    }

    private static <T> T withPermit(Semaphore permits, Supplier<T> work) throws InterruptedException {
        permits.acquire();
        try {
            return work.get();
        } catch (Unreachable e) {
            return null;
        } finally {
            permits.release();
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
