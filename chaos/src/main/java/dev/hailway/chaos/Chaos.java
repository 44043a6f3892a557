package dev.hailway.chaos;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.hailway.chaos.check.AuditSources;
import dev.hailway.chaos.check.Checker;
import dev.hailway.chaos.check.Redelivery;
import dev.hailway.chaos.check.Violation;
import dev.hailway.chaos.faults.Fault;
import dev.hailway.chaos.faults.FaultPlan;
import dev.hailway.chaos.faults.Faults;
import dev.hailway.chaos.faults.InjectedFault;
import dev.hailway.chaos.faults.Injector;
import dev.hailway.runtime.PlatformOptions;
import dev.hailway.runtime.ServiceEnvironment;
import dev.hailway.runtime.ServiceSpec;
import dev.hailway.simulator.Simulation;
import dev.hailway.simulator.SimulationOptions;
import dev.hailway.simulator.figures.Report;
import dev.hailway.simulator.figures.Summary;
import dev.hailway.simulator.history.History;

/**
 * A chaos run: a simulated rush, faults injected in turn at random moments, everything healed, then the checker and
 * the redelivery check. {@code ./hailway chaos} runs it against {@code ./hailway up}; the end-to-end suite against
 * its own platform.
 */
public final class Chaos {

    /** What a run found: the faults as they happened, the rush's figures, and every violation. */
    public record Result(List<InjectedFault> faults, Summary rush, List<Violation> violations, Duration took) {

        public boolean clean() {
            return violations.isEmpty() && faults.stream().allMatch(fault -> fault.problem() == null);
        }
    }

    private Chaos() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("hailway.root", ".")).toAbsolutePath().normalize();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(ChaosOptions.USAGE);
                return;
            }
        }
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(root, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("See ./hailway chaos --help.");
            System.exit(64);
            return;
        }
        PlatformOptions platform = PlatformOptions.defaults(root);
        Path phase = platform.runDirectory().resolve("phase");
        if (!isReady(phase)) {
            System.err.println("No platform is running here: start one with ./hailway up --detach, then run ./hailway chaos.");
            System.exit(2);
            return;
        }
        if (!Files.isDirectory(platform.dataDirectory().resolve("postgres"))) {
            System.err.println("The running platform is not the JVM processes' one (./hailway up --containers?): the chaos run "
                    + "audits the databases of ./hailway up.");
        }
        Result result = run(options, Faults.ofLauncher(platform.runDirectory().resolve("control")),
                AuditSources.ofLauncher(platform, ServiceEnvironment.OPERATOR_EMAIL),
                platform.services().stream().map(ServiceSpec::name).toList(), System.out);
        System.exit(result.clean() ? 0 : 1);
    }

    private static boolean isReady(Path phase) {
        try {
            return Files.isRegularFile(phase) && Files.readString(phase).strip().equals("ready");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public static Result run(ChaosOptions options, Faults faults, AuditSources sources, List<String> services, PrintStream out) {
        Instant began = Instant.now();
        List<Fault> plan = FaultPlan.of(services, options.faults(), options.kills(), options.duration(), options.seed());
        out.printf("Chaos run against %s, seed %d: a %d s rush at %s trips/min, %d faults:%n", sources.gateway(), options.seed(),
                options.duration().toSeconds(), options.rate(), plan.size());
        plan.forEach(fault -> out.printf("  after %4.1f s: %s%n", fault.after().toMillis() / 1000.0, fault.describe()));
        SimulationOptions rush = new SimulationOptions.Builder().gateway(sources.gateway()).drivers(options.drivers())
                .riders(options.riders()).ratePerMinute(options.rate()).duration(options.duration())
                .drain(Duration.ofSeconds(150)).reportEvery(Duration.ofSeconds(15)).pollEvery(Duration.ofSeconds(2))
                .seed(options.seed()).history(options.history()).build();
        CountDownLatch rushing = new CountDownLatch(1);
        CompletableFuture<Summary> simulated = CompletableFuture.supplyAsync(() -> Simulation.run(rush, out, rushing::countDown),
                runnable -> Thread.ofPlatform().name("chaos-rush").start(runnable));
        Injector injector = new Injector(faults, out);
        Instant lastHeal;
        try {
            // Faults from the first trip on: a platform hurt during sign-up measures the sign-up, not the ride.
            while (!rushing.await(1, TimeUnit.SECONDS) && !simulated.isDone()) {
                // waiting for the rush, or for the simulation to give up before it
            }
            lastHeal = injector.run(plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        out.printf("[chaos] every fault healed at %s; the rush goes on%n", lastHeal);
        Summary summary = simulated.join();
        out.println(Report.closing(summary));
        List<Violation> violations = new ArrayList<>(new Checker(sources, out).check(History.read(options.history()), lastHeal,
                options.settle()));
        if (options.redelivery()) {
            try {
                violations.addAll(new Redelivery(sources, faults, out).check(services));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        var result = new Result(injector.injected(), summary, List.copyOf(violations), Duration.between(began, Instant.now()));
        print(result, out);
        return result;
    }

    static void print(Result result, PrintStream out) {
        out.printf("%nFaults injected (%d):%n", result.faults().size());
        result.faults().forEach(fault -> out.println("  " + fault));
        out.printf("Trips: %d requested and accepted, %s%n", result.rush().tripsRequested(), result.rush().tripsByStatus());
        out.printf("Client errors during the run: %s%n", result.rush().errorsByKind());
        if (result.violations().isEmpty()) {
            out.printf("No violation: every invariant held (%d s in all).%n", result.took().toSeconds());
        } else {
            out.printf("%d violations:%n", result.violations().size());
            result.violations().forEach(violation -> out.println("  " + violation));
        }
    }
}
