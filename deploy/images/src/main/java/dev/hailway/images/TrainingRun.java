package dev.hailway.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a command with the variables of an env file added to its environment, and ends as it ends. The image build
 * runs the services' training runs through it: they must see the same variables as in a real start (Spring binds
 * {@code HAILWAY_SECURITY_SERVICE_CLIENT_ID} and the like from the environment only), the images have no shell, and
 * the variables hold passwords that must stay out of every layer and of the image history. Mounted into the
 * training step only, with nothing but the JDK on its class path:
 * {@code java -cp /training dev.hailway.images.TrainingRun ENV_FILE COMMAND...}.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: TrainingRun ENV_FILE COMMAND...");
            System.exit(64);
        }
        var builder = new ProcessBuilder(Arrays.asList(args).subList(1, args.length)).inheritIO();
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                builder.environment().put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        System.exit(builder.start().waitFor());
    }
}
