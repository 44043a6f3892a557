package dev.hailway.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a run goes. Every option has a default, so {@code new SimulationOptions.Builder().build()} (or no arguments at
 * all) is a useful run against a local platform.
 *
 * @param gateway       base URL of the gateway, the only door the simulator uses
 * @param drivers       drivers on shift
 * @param riders        riders; each has at most one trip open at a time
 * @param ratePerMinute trip requests per minute
 * @param trips         stop requesting after this many trips (0: no limit, {@code duration} decides)
 * @param duration      stop requesting after this long
 * @param drain         after that, how long open trips get to reach a terminal state
 * @param reportEvery   how often the live figures are printed
 * @param pingEvery     how often a driver reports its position
 * @param pollEvery     how often a driver asks for its offers and a rider looks at a trip under way (a waiting
 *                      rider looks twice as often, so that the time to assignment is measured finely)
 * @param acceptRate    share of offers a driver accepts (the rest are declined)
 * @param declinedShare share of riders whose card is declined
 * @param cancelShare   share of trips the rider cancels before pickup
 * @param timeScale     how much faster than real time the approach and the ride go (60: a 10-minute ride takes 10 s)
 * @param speedKmh      driving speed in town
 * @param seed          seed of every random choice (the same seed gives the same choices, not the same timings)
 * @param history       where every request and its answer is written as JSON lines, or null for nowhere
 */
public record SimulationOptions(URI gateway, int drivers, int riders, double ratePerMinute, long trips,
                                Duration duration, Duration drain, Duration reportEvery, Duration pingEvery, Duration pollEvery,
                                double acceptRate, double declinedShare, double cancelShare, double timeScale,
                                double speedKmh, long seed, Path history) {

    public SimulationOptions {
        require(drivers >= 0, "--drivers must be 0 or more");
        require(riders >= 0, "--riders must be 0 or more");
        require(ratePerMinute > 0, "--rate must be more than 0");
        require(trips >= 0, "--trips must be 0 or more");
        require(!duration.isNegative(), "--duration must not be negative");
        require(!drain.isNegative(), "--drain must not be negative");
        require(reportEvery.isPositive(), "--report-every must be more than 0");
        require(pingEvery.isPositive(), "--ping-every must be more than 0");
        require(pollEvery.isPositive(), "--poll-every must be more than 0");
        require(share(acceptRate), "--accept-rate must be between 0 and 1");
        require(share(declinedShare), "--declined-share must be between 0 and 1");
        require(share(cancelShare), "--cancel-share must be between 0 and 1");
        require(timeScale >= 1, "--time-scale must be 1 or more");
        require(speedKmh > 0 && speedKmh <= 120, "--speed must be more than 0 and at most 120 (km/h)");
    }

    public static final String USAGE = """
            Usage: java -jar simulator.jar [options]   (or ./hailway simulate [options])

            Drives a running Hailway platform through its gateway as riders and drivers do, prints live
            figures, and exits 0 only if no unexpected error (5xx, timeout, connection) happened and every
            trip reached PAID or CANCELLED.

              --gateway URL          gateway base URL                              (http://localhost:8080)
              --drivers N            drivers on shift                              (20)
              --riders N             riders                                        (50)
              --rate N               trip requests per minute                      (30)
              --trips N              stop after N trip requests, 0 = no limit      (0)
              --duration D           stop requesting after D                       (2m)
              --drain D              then wait up to D for open trips to end       (60s)
              --report-every D       print live figures every D                    (5s)
              --ping-every D         driver position pings every D                 (4s)
              --poll-every D         offer and trip polls every D                  (1s)
              --accept-rate X        share of offers drivers accept                (0.9)
              --declined-share X     share of riders with a declined card          (0.05)
              --cancel-share X       share of trips riders cancel before pickup    (0.1)
              --time-scale X         approach and ride go X times faster           (60)
              --speed KMH            driving speed                                 (30)
              --seed N               seed of the random choices                    (random)
              --history FILE         write every request and its answer to FILE    (none)
                                     as JSON lines, for a checker to read
              --help                 this text

            Durations: 90 (seconds), 90s, 500ms, 2m, 1h or ISO-8601 (PT2M). Options take --name value or --name=value.
            """;

    /** Reads command-line arguments; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static SimulationOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        Builder builder = new Builder();
        values.forEach((name, value) -> builder.set(name, value));
        return builder.build();
    }

    public static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** A duration as the options write them: 90 (seconds), 90s, 500ms, 2m, 1h or ISO-8601. */
    public static Duration parseDuration(String name, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            long amount = Long.parseLong(value.replaceAll("[smh]$", ""));
            return switch (value.charAt(value.length() - 1)) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--" + name + " is not a duration: " + text + " (try 90s, 2m, 500ms)");
        }
    }

    private static boolean share(double value) {
        return value >= 0 && value <= 1;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Defaults first, then what the caller sets; the e2e suite builds its options this way. */
    public static final class Builder {

        private URI gateway = URI.create("http://localhost:8080");
        private int drivers = 20;
        private int riders = 50;
        private double ratePerMinute = 30;
        private long trips = 0;
        private Duration duration = Duration.ofMinutes(2);
        private Duration drain = Duration.ofSeconds(60);
        private Duration reportEvery = Duration.ofSeconds(5);
        private Duration pingEvery = Duration.ofSeconds(4);
        private Duration pollEvery = Duration.ofSeconds(1);
        private double acceptRate = 0.9;
        private double declinedShare = 0.05;
        private double cancelShare = 0.1;
        private double timeScale = 60;
        private double speedKmh = 30;
        private long seed = ThreadLocalRandom.current().nextLong();
        private Path history;

        public Builder gateway(String url) {
            this.gateway = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            return this;
        }

        public Builder drivers(int drivers) {
            this.drivers = drivers;
            return this;
        }

        public Builder riders(int riders) {
            this.riders = riders;
            return this;
        }

        public Builder ratePerMinute(double rate) {
            this.ratePerMinute = rate;
            return this;
        }

        public Builder trips(long trips) {
            this.trips = trips;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder drain(Duration drain) {
            this.drain = drain;
            return this;
        }

        public Builder reportEvery(Duration every) {
            this.reportEvery = every;
            return this;
        }

        public Builder pingEvery(Duration every) {
            this.pingEvery = every;
            return this;
        }

        public Builder pollEvery(Duration every) {
            this.pollEvery = every;
            return this;
        }

        public Builder acceptRate(double share) {
            this.acceptRate = share;
            return this;
        }

        public Builder declinedShare(double share) {
            this.declinedShare = share;
            return this;
        }

        public Builder cancelShare(double share) {
            this.cancelShare = share;
            return this;
        }

        public Builder timeScale(double scale) {
            this.timeScale = scale;
            return this;
        }

        public Builder speedKmh(double speed) {
            this.speedKmh = speed;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder history(Path file) {
            this.history = file;
            return this;
        }

        Builder set(String name, String value) {
            try {
                switch (name) {
                    case "gateway" -> gateway(value);
                    case "drivers" -> drivers(Integer.parseInt(value));
                    case "riders" -> riders(Integer.parseInt(value));
                    case "rate" -> ratePerMinute(Double.parseDouble(value));
                    case "trips" -> trips(Long.parseLong(value));
                    case "duration" -> duration(parseDuration(name, value));
                    case "drain" -> drain(parseDuration(name, value));
                    case "report-every" -> reportEvery(parseDuration(name, value));
                    case "ping-every" -> pingEvery(parseDuration(name, value));
                    case "poll-every" -> pollEvery(parseDuration(name, value));
                    case "accept-rate" -> acceptRate(Double.parseDouble(value));
                    case "declined-share" -> declinedShare(Double.parseDouble(value));
                    case "cancel-share" -> cancelShare(Double.parseDouble(value));
                    case "time-scale" -> timeScale(Double.parseDouble(value));
                    case "speed" -> speedKmh(Double.parseDouble(value));
                    case "seed" -> seed(Long.parseLong(value));
                    case "history" -> history(Path.of(value));
                    default -> throw new IllegalArgumentException("Unknown option --" + name + " (see --help)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " is not a number: " + value);
            }
            return this;
        }

        public SimulationOptions build() {
            return new SimulationOptions(gateway, drivers, riders, ratePerMinute, trips, duration, drain, reportEvery,
                    pingEvery, pollEvery, acceptRate, declinedShare, cancelShare, timeScale, speedKmh, seed,
                    history);
        }
    }
}
