package dev.hailway.chaos.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The faults of a run, in turn and at random moments: every chosen service killed and restarted (in a random
 * order), one service paused, Kafka killed, PostgreSQL killed. The same seed gives the same plan.
 */
public final class FaultPlan {

    /**
     * Paused for longer than any caller waits for it: the gateway's and the services' clients give up after a few
     * seconds, so a frozen process must cost its callers timeouts, open circuit breakers and retries.
     */
    static final Duration PAUSE = Duration.ofSeconds(15);
    /** Down long enough that callers notice (connections refused, consumers rebalancing), short enough to keep going. */
    static final Duration DOWN = Duration.ofSeconds(3);
    static final Duration DATA_DOWN = Duration.ofSeconds(5);
    /** Services whose callers have timeouts to run out: the synchronous dependencies of the ride. */
    static final List<String> PAUSABLE = List.of("location", "pricing", "identity", "payments", "dispatch", "trips");

    private FaultPlan() {
    }

    /**
     * @param services the services there are, in start order
     * @param killed   how many of them to kill (all of them when at least their number)
     * @param spread   roughly how long the plan should take: the waits between faults are drawn to fill it
     */
    public static List<Fault> of(List<String> services, Set<FaultKind> kinds, int killed, Duration spread, long seed) {
        Random random = new Random(seed);
        List<String> victims = new ArrayList<>(services);
        Collections.shuffle(victims, random);
        victims = victims.subList(0, Math.min(Math.max(killed, 0), victims.size()));
        List<FaultKind> order = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        if (kinds.contains(FaultKind.KILL)) {
            victims.forEach(victim -> {
                order.add(FaultKind.KILL);
                targets.add(victim);
            });
        }
        if (kinds.contains(FaultKind.PAUSE)) {
            List<String> pausable = PAUSABLE.stream().filter(services::contains).toList();
            if (!pausable.isEmpty()) {
                order.add(FaultKind.PAUSE);
                targets.add(pausable.get(random.nextInt(pausable.size())));
            }
        }
        if (kinds.contains(FaultKind.KAFKA)) {
            order.add(FaultKind.KAFKA);
            targets.add("kafka");
        }
        if (kinds.contains(FaultKind.POSTGRES)) {
            order.add(FaultKind.POSTGRES);
            targets.add("postgres");
        }
        long slotMillis = order.isEmpty() ? 0 : Math.max(2_000, spread.toMillis() / (order.size() + 1));
        List<Fault> plan = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            FaultKind kind = order.get(i);
            // Half a slot to a whole one: faults land at moments the run cannot predict, never two at once.
            Duration after = Duration.ofMillis(slotMillis / 2 + (long) (random.nextDouble() * slotMillis / 2));
            Duration hold = switch (kind) {
                case KILL -> DOWN;
                case PAUSE -> PAUSE;
                case KAFKA, POSTGRES -> DATA_DOWN;
            };
            plan.add(new Fault(after, kind, targets.get(i), hold));
        }
        return List.copyOf(plan);
    }
}
