package dev.hailway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How {@code ./hailway restart|kill|pause|resume NAME} in another shell reaches the running launcher, which alone
 * can start a process again under its supervision: a request file in {@code .hailway/run/control/}, answered by a
 * {@code .done} file beside it. Files, not a socket: nothing listens, nothing to secure beyond the directory, and a
 * request left by a launcher that died is simply never answered (the client says so when it gives up).
 */
public final class ControlRequests implements AutoCloseable {

    /** {@code STOP} is a graceful stop, for tools (the chaos run's redelivery check); the script offers the others. */
    public enum Action { RESTART, KILL, PAUSE, RESUME, STOP }

    /** What the launcher answered: {@code ok} and what it did, or what went wrong. */
    public record Answer(boolean ok, String message) {
    }

    static final String REQUEST = ".request";
    static final String DONE = ".done";
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path directory;
    private final LocalPlatform platform;
    private final Runnable afterChange;
    private volatile Thread loop;

    /** {@code afterChange} runs after each request, e.g. to write the new pids for ./hailway status. */
    public ControlRequests(Path directory, LocalPlatform platform, Runnable afterChange) {
        this.directory = directory;
        this.platform = platform;
        this.afterChange = afterChange;
    }

    public void start() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loop = Thread.ofPlatform().name("hailway-control").daemon(true).start(this::serve);
    }

    private void serve() {
        while (!Thread.currentThread().isInterrupted()) {
            try (var requests = Files.list(directory)) {
                for (Path request : requests.filter(p -> p.toString().endsWith(REQUEST)).sorted().toList()) {
                    answer(request);
                }
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // The directory went (./hailway down clears it) or a file vanished: look again at the next round.
                try {
                    Thread.sleep(POLL);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void answer(Path request) throws IOException {
        String text = Files.readString(request, StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(request);
        Answer answer = handle(text);
        String name = request.getFileName().toString();
        Path done = directory.resolve(name.substring(0, name.length() - REQUEST.length()) + DONE);
        Path partial = directory.resolve(done.getFileName() + ".tmp");
        Files.writeString(partial, (answer.ok() ? "ok " : "error ") + answer.message() + "\n", StandardCharsets.UTF_8);
        Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Carries out one request line, {@code ACTION NAME}. */
    Answer handle(String line) {
        String[] words = line.split("\\s+");
        if (words.length != 2) {
            return new Answer(false, "not a request: " + line);
        }
        Action action;
        try {
            action = Action.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return new Answer(false, "unknown action: " + words[0]);
        }
        String name = words[1];
        List<String> known = known();
        if (!known.contains(name)) {
            return new Answer(false, "no process named " + name + " (known: " + String.join(", ", known) + ")");
        }
        try {
            String done = switch (action) {
                case KILL -> {
                    platform.kill(name);
                    yield "killed " + name + " (SIGKILL); ./hailway restart " + name + " starts it again";
                }
                case STOP -> {
                    platform.stop(name);
                    yield "stopped " + name + "; ./hailway restart " + name + " starts it again";
                }
                case PAUSE -> {
                    platform.pause(name);
                    yield "paused " + name + " (SIGSTOP); ./hailway resume " + name + " lets it go on";
                }
                case RESUME -> {
                    platform.resume(name);
                    yield "resumed " + name + " (SIGCONT)";
                }
                case RESTART -> {
                    Instant start = Instant.now();
                    platform.restart(name);
                    yield "restarted " + name + ", healthy in " + Duration.between(start, Instant.now()).toMillis() / 100 / 10.0 + " s";
                }
            };
            return new Answer(true, done);
        } catch (RuntimeException e) {
            return new Answer(false, action.name().toLowerCase(Locale.ROOT) + " " + name + " failed: " + e.getMessage());
        } finally {
            afterChange.run();
        }
    }

    /** The names a request may give: every service, and the data processes where the platform can act on them. */
    private List<String> known() {
        var names = new java.util.ArrayList<String>();
        names.add("postgres");
        names.add("kafka");
        platform.options().services().forEach(service -> names.add(service.name()));
        return names;
    }

    /** The client side: sends one request and waits for the launcher's answer. */
    public static Answer send(Path directory, Action action, String name, Duration timeout) {
        String id = Instant.now().toEpochMilli() + "-" + UUID.randomUUID();
        Path request = directory.resolve(id + REQUEST);
        Path done = directory.resolve(id + DONE);
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(id + ".tmp");
            Files.writeString(partial, action.name().toLowerCase(Locale.ROOT) + " " + name + "\n", StandardCharsets.UTF_8);
            // Whole or not at all: the launcher never reads half a request.
            Files.move(partial, request, StandardCopyOption.ATOMIC_MOVE);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (Files.exists(done)) {
                    String answer = Files.readString(done, StandardCharsets.UTF_8).strip();
                    Files.deleteIfExists(done);
                    return answer.startsWith("ok ") ? new Answer(true, answer.substring(3))
                            : new Answer(false, answer.replaceFirst("^error ", ""));
                }
                Thread.sleep(POLL);
            }
            Files.deleteIfExists(request);
            return new Answer(false, "the launcher did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "interrupted");
        }
    }

    @Override
    public void close() {
        Thread current = loop;
        if (current != null) {
            current.interrupt();
            loop = null;
        }
    }
}
