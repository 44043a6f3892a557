package dev.hailway.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import dev.hailway.chaos.faults.FaultKind;
import dev.hailway.simulator.SimulationOptions;

/**
 * How a chaos run goes.
 *
 * @param duration   how long the rush requests trips; the faults are spread over it
 * @param seed       the seed of the fault plan and of the simulated riders and drivers
 * @param faults     which kinds of fault to inject
 * @param kills      how many services to kill (each once, in a random order)
 * @param rate       trip requests per minute
 * @param drivers    drivers on shift
 * @param riders     riders
 * @param settle     after the last heal, how long the platform has to reach a clean state
 * @param redelivery whether to replay every consumer group from the beginning afterwards and compare the state
 * @param history    where the simulator writes every request and its answer
 */
public record ChaosOptions(Duration duration, long seed, Set<FaultKind> faults, int kills, double rate, int drivers, int riders,
                           Duration settle, boolean redelivery, Path history) {

    public static final String USAGE = """
            Usage: ./hailway chaos [options]

            Runs a simulated rush against the platform ./hailway up runs, hurting it on purpose at random
            moments, one fault at a time: kills each service (SIGKILL) and starts it again, pauses one for longer
            than its callers wait, kills Kafka, kills PostgreSQL. Then it heals everything, checks the history of
            requests and the final state against the invariants, replays every consumer group, and exits non-zero
            on any violation.

              --duration D       how long the rush lasts; the faults are spread over it     (5m)
              --seed N           seed of the fault plan and the simulated people             (random)
              --faults LIST      kill,pause,kafka,postgres or all                            (all)
              --kills N          how many services to kill                                   (10: all)
              --rate N           trip requests per minute                                    (60)
              --drivers N        drivers on shift                                            (25)
              --riders N         riders                                                      (35)
              --settle D         after the last heal, time to reach a clean state            (60s)
              --redelivery B     replay every consumer group and compare (true or false)     (true)
              --history FILE     where the requests and answers go     (.hailway/chaos/history-SEED.jsonl)
              --help             this text

            Durations: 90 (seconds), 90s, 2m, 1h.
            """;

    public static ChaosOptions parse(Path root, String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                values.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                values.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        Duration duration = Duration.ofMinutes(5);
        long seed = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        Set<FaultKind> faults = EnumSet.allOf(FaultKind.class);
        int kills = 10;
        double rate = 60;
        int drivers = 25;
        int riders = 35;
        Duration settle = Duration.ofSeconds(60);
        boolean redelivery = true;
        Path history = null;
        for (var option : values.entrySet()) {
            String value = option.getValue();
            try {
                switch (option.getKey()) {
                    case "duration" -> duration = duration(option.getKey(), value);
                    case "seed" -> seed = Long.parseLong(value);
                    case "faults" -> faults = FaultKind.parse(value);
                    case "kills" -> kills = Integer.parseInt(value);
                    case "rate" -> rate = Double.parseDouble(value);
                    case "drivers" -> drivers = Integer.parseInt(value);
                    case "riders" -> riders = Integer.parseInt(value);
                    case "settle" -> settle = duration(option.getKey(), value);
                    case "redelivery" -> redelivery = bool(option.getKey(), value);
                    case "history" -> history = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option --" + option.getKey() + " (see --help)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + option.getKey() + " is not a number: " + value);
            }
        }
        if (history == null) {
            history = root.resolve(".hailway/chaos/history-" + seed + ".jsonl");
        }
        return new ChaosOptions(duration, seed, faults, kills, rate, drivers, riders, settle, redelivery, history);
    }

    public ChaosOptions {
        faults = Set.copyOf(faults);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be more than 0");
        }
        if (kills < 0 || rate <= 0 || drivers < 1 || riders < 1) {
            throw new IllegalArgumentException("--kills must be 0 or more, --rate, --drivers and --riders more than 0");
        }
    }

    public ChaosOptions withHistory(Path file) {
        return new ChaosOptions(duration, seed, faults, kills, rate, drivers, riders, settle, redelivery, file);
    }

    private static Duration duration(String name, String text) {
        return SimulationOptions.parseDuration(name, text);
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new IllegalArgumentException("--" + name + " is true or false, not " + value);
        };
    }
}
