package dev.hailway.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.hailway.platform.infra.Secrets;


/**
 * The launcher behind {@code ./hailway}. {@code up} runs in the foreground until Ctrl-C or {@code ./hailway down};
 * the script handles {@code --detach} (it starts this in a session of its own and waits for the ready phase) and
 * {@code logs}.
 */
public final class Hailway {

    private final PrintStream out = System.out;
    private final Path root;

    private Hailway(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static void main(String[] args) {
        Command command;
        try {
            command = Command.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Command.USAGE);
            System.exit(64);
            return;
        }
        var hailway = new Hailway(Path.of(System.getProperty("hailway.root", ".")));
        int code = switch (command.verb()) {
            case UP -> hailway.up(command.containers());
            case DOWN -> hailway.down();
            case STATUS -> hailway.status();
            case ENV -> hailway.environmentFiles();
            case HELP -> {
                System.out.print(Command.USAGE);
                yield 0;
            }
            case RESTART -> hailway.control(ControlRequests.Action.RESTART, command.target());
            case KILL -> hailway.control(ControlRequests.Action.KILL, command.target());
            case PAUSE -> hailway.control(ControlRequests.Action.PAUSE, command.target());
            case RESUME -> hailway.control(ControlRequests.Action.RESUME, command.target());
        };
        System.exit(code);
    }

    private int up(boolean containers) {
        PlatformOptions options = PlatformOptions.defaults(root);
        String jvmOptions = System.getenv("HAILWAY_JVM_OPTS");
        if (jvmOptions != null && !jvmOptions.isBlank()) {
            options = options.withServiceJvmOptions(List.of(jvmOptions.trim().split("\\s+")));
        }
        if ("false".equals(System.getenv("HAILWAY_AOT"))) {
            options = options.withAotCache(false);
        }
        var state = new RunState(options.runDirectory());
        Optional<ProcessHandle> other = state.liveLauncher().filter(p -> p.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            System.err.println("Hailway is already running (launcher pid " + other.get().pid() + "). Stop it with ./hailway down.");
            return 1;
        }
        List<RunState.ProcessRecord> leftovers = state.processes().stream().filter(r -> alive(r.pid())).toList();
        if (!leftovers.isEmpty()) {
            System.err.println("Processes of an earlier Hailway run are still running ("
                    + leftovers.stream().map(r -> r.name() + " pid " + r.pid()).collect(java.util.stream.Collectors.joining(", "))
                    + "). Stop them with ./hailway down.");
            return 1;
        }
        state.starting(ProcessHandle.current().pid());
        LocalPlatform platform;
        if (containers) {
            var fromImages = ContainerPlatform.local(options);
            out.println("Starting Hailway from images with " + fromImages.engine().command() + " (data in the volumes "
                    + fromImages.volumeName(ContainerPlatform.POSTGRES) + " and " + fromImages.volumeName(ContainerPlatform.KAFKA)
                    + ", logs: ./hailway logs <name>)");
            platform = fromImages;
        } else {
            out.println("Starting Hailway (data in " + root.relativize(options.dataDirectory()) + ", logs in "
                    + root.relativize(options.logDirectory()) + ")");
            platform = new Platform(options);
        }
        var control = new ControlRequests(options.runDirectory().resolve("control"), platform,
                () -> state.processes(platform.processes()));
        var stopped = new CountDownLatch(1);
        var started = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started.get()) {
                out.println("Stopping Hailway...");
            }
            control.close();
            platform.close();  // also when interrupted half-way through starting
            state.clear();
            if (started.get()) {
                out.println("Hailway stopped.");
            }
            stopped.countDown();
        }, "hailway-stop"));
        try {
            switch (platform) {
                case Platform processes -> processes.startAll();
                case ContainerPlatform images -> images.startAll();
                default -> throw new IllegalStateException("unknown platform " + platform);
            }
            state.processes(platform.processes());
        } catch (PortInUseException e) {
            System.err.println(e.getMessage());
            state.phase("failed");
            return 2;
        } catch (StartupFailedException e) {
            System.err.println(e.getMessage());
            if (!e.logTail().isEmpty()) {
                System.err.println("---- last lines of " + (containers ? "the log of " + e.process()
                        : root.relativize(options.logDirectory()) + "/" + e.process() + ".log") + " ----");
                e.logTail().forEach(System.err::println);
                System.err.println("----");
            }
            System.err.println("Everything that had started was stopped again.");
            state.phase("failed");
            return 1;
        }

        started.set(true);
        control.start();
        String summary = summary(platform);
        out.print(summary);
        state.summary(summary);
        state.phase("ready");
        try {
            stopped.await();  // until the shutdown hook (Ctrl-C, SIGTERM from ./hailway down) has stopped everything
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private String summary(LocalPlatform platform) {
        var text = new StringBuilder();
        List<String[]> rows = new ArrayList<>();
        for (RunState.ProcessRecord record : platform.processes()) {
            rows.add(new String[] {record.name(), Long.toString(record.pid()), address(record), "UP"});
        }
        text.append(table(rows));
        text.append("\nHailway is up: ").append(platform.gatewayUrl()).append('\n');
        // Shown by the first start that gets this far, not by one that failed after generating the password.
        Path shown = platform.options().secretsDirectory().resolve("operator.password.shown");
        if (!java.nio.file.Files.exists(shown)) {
            text.append("Operator account (shown once, kept in .hailway/data/secrets/operator.password):\n")
                    .append("  email    ").append(platform.operatorEmail()).append('\n')
                    .append("  password ").append(platform.operatorPassword()).append('\n');
            try {
                java.nio.file.Files.createFile(shown);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            text.append("Operator: ").append(platform.operatorEmail())
                    .append(" (password in .hailway/data/secrets/operator.password)\n");
        }
        text.append(platform instanceof ContainerPlatform
                ? "Logs: ./hailway logs <name>. Stop: Ctrl-C or ./hailway down (the containers go, the volumes stay)\n"
                : "Logs: .hailway/logs/<name>.log (./hailway logs <name>). Stop: Ctrl-C or ./hailway down\n");
        return text.toString();
    }

    /** For compose.yaml: what {@code up --containers} writes at every start, without starting anything. */
    private int environmentFiles() {
        var platform = ContainerPlatform.local(PlatformOptions.defaults(root));
        List<ContainerSpec> containers = platform.containers();
        platform.writeEnvironmentFiles(containers);
        platform.kubeCredentials().forEach((file, text) -> Secrets.write(platform.kubeCredentialsDirectory().resolve(file), text));
        out.println("Wrote " + containers.size() + " env files (mode 600) to "
                + root.relativize(containers.getFirst().environmentFile().getParent()) + " for compose.yaml (docker compose up), and "
                + root.relativize(platform.kubeCredentialsDirectory()) + "/ for the local Kubernetes overlay (deploy/k8s/play-local.sh)");
        return 0;
    }

    private int down() {
        var state = new RunState(root.resolve(".hailway/run"));
        List<RunState.ProcessRecord> records = state.processes();
        Optional<ProcessHandle> launcher = state.liveLauncher();
        if (launcher.isEmpty() && records.stream().noneMatch(r -> alive(r.pid()) || r.inContainer())) {
            out.println("Hailway is not running.");
            state.clear();
            return 0;
        }
        if (launcher.isPresent()) {
            out.println("Stopping Hailway (launcher pid " + launcher.get().pid() + ")...");
            launcher.get().destroy();
            try {
                launcher.get().onExit().get(240, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("The launcher did not stop in time; stopping its processes directly.");
                launcher.get().destroyForcibly();
            }
        }
        // Whatever the launcher could not stop (it was killed, or timed out): services and Kafka first, PostgreSQL last.
        List<String> containers = records.stream().filter(RunState.ProcessRecord::inContainer).map(RunState.ProcessRecord::container).toList();
        if (!containers.isEmpty()) {
            ContainerEngine engine = ContainerEngine.fromEnvironment();
            for (String container : containers.reversed()) {
                if (engine.run(java.time.Duration.ofMinutes(2), List.of("container", "exists", container)).ok()) {
                    out.println("  stopping leftover container " + container);
                    engine.run(java.time.Duration.ofMinutes(2), List.of("rm", "--force", "--time", ContainerSpec.STOP_TIMEOUT_SECONDS, container));
                }
            }
        }
        for (RunState.ProcessRecord record : records.reversed()) {
            if (record.inContainer()) {
                continue;
            }
            ProcessHandle.of(record.pid()).filter(p -> RunState.isRunning(p.pid())).ifPresent(process -> {
                out.println("  stopping leftover " + record.name() + " (pid " + record.pid() + ")");
                process.destroy();
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            });
        }
        state.clear();
        out.println("Hailway is stopped.");
        return 0;
    }

    /** Asks the running launcher to act on one of its processes, and says what it answered. */
    private int control(ControlRequests.Action action, String name) {
        var state = new RunState(root.resolve(".hailway/run"));
        if (state.liveLauncher().isEmpty()) {
            System.err.println("Hailway is not running (./hailway up starts it).");
            return 1;
        }
        ControlRequests.Answer answer = ControlRequests.send(root.resolve(".hailway/run/control"), action, name,
                java.time.Duration.ofMinutes(5));
        (answer.ok() ? out : System.err).println(answer.message());
        return answer.ok() ? 0 : 1;
    }

    private int status() {
        var state = new RunState(root.resolve(".hailway/run"));
        List<RunState.ProcessRecord> records = state.processes();
        Optional<ProcessHandle> launcher = state.liveLauncher();
        if (records.isEmpty() && launcher.isEmpty()) {
            out.println("Hailway is not running.");
            return 3;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(launcher.map(l -> new String[] {"launcher", Long.toString(l.pid()), "-", "running"})
                .orElse(new String[] {"launcher", "-", "-", "NOT RUNNING (./hailway down stops what is left)"}));
        boolean allHealthy = launcher.isPresent();
        for (RunState.ProcessRecord record : records) {
            boolean running = alive(record.pid());
            boolean healthy = running && switch (record.kind()) {
                case "service" -> HealthChecks.serviceReady(record.port());
                case "kafka" -> HealthChecks.kafkaReady("localhost:" + record.port());
                default -> HealthChecks.portOpen(record.port());
            };
            allHealthy &= healthy;
            rows.add(new String[] {record.name(), Long.toString(record.pid()), address(record),
                    !running ? "NOT RUNNING" : healthy ? "UP" : "DOWN"});
        }
        out.print(table(rows));
        return allHealthy ? 0 : 1;
    }

    private static String address(RunState.ProcessRecord record) {
        return switch (record.kind()) {
            case "service" -> "http://localhost:" + record.port();
            case "postgres" -> "jdbc:postgresql://localhost:" + record.port();
            default -> "localhost:" + record.port();
        };
    }

    static String table(List<String[]> rows) {
        String[] header = {"NAME", "PID", "ADDRESS", "HEALTH"};
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        var text = new StringBuilder();
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                text.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static boolean alive(long pid) {
        return RunState.isRunning(pid);
    }

}
