package dev.hailway.platform.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@link KafkaBroker} as a process of its own:
 * {@code KafkaBrokerMain --port 29092 --controller-port 29093 --log-dir .hailway/data/kafka}.
 * Stops cleanly on SIGTERM or SIGINT.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("--port", "29092"));
        int controllerPort = Integer.parseInt(options.getOrDefault("--controller-port", "29093"));
        Path logDir = Path.of(options.getOrDefault("--log-dir", ".hailway/data/kafka"));

        KafkaBroker broker = KafkaBroker.start(port, controllerPort, logDir);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-stop"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        broker.awaitShutdown();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: KafkaBrokerMain --port N --controller-port N --log-dir DIR");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }
}
