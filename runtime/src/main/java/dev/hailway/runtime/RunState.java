package dev.hailway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a running launcher leaves in {@code .hailway/run/} for {@code ./hailway status} and {@code down} in another
 * shell: its own pid, its phase (starting, ready, failed), the processes it started, and the table it printed.
 */
final class RunState {

    /**
     * {@code kind} is postgres, kafka or service; {@code container} the container's name when the platform runs from
     * images (then {@code pid} is the container's main process on this host), empty otherwise.
     */
    record ProcessRecord(String name, long pid, int port, String kind, String container) {

        ProcessRecord(String name, long pid, int port, String kind) {
            this(name, pid, port, kind, "");
        }

        boolean inContainer() {
            return !container.isEmpty();
        }
    }

    private final Path directory;

    RunState(Path directory) {
        this.directory = directory;
    }

    void starting(long launcherPid) {
        clear();
        write("launcher.pid", Long.toString(launcherPid));
        write("phase", "starting");
    }

    void phase(String phase) {
        write("phase", phase);
    }

    void summary(String text) {
        write("summary.txt", text);
    }

    void processes(List<ProcessRecord> records) {
        var lines = new StringBuilder();
        for (ProcessRecord r : records) {
            lines.append(r.name()).append('\t').append(r.pid()).append('\t').append(r.port()).append('\t').append(r.kind())
                    .append('\t').append(r.container()).append('\n');
        }
        write("processes.tsv", lines.toString());
    }

    List<ProcessRecord> processes() {
        Path file = directory.resolve("processes.tsv");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ProcessRecord> records = new ArrayList<>();
        for (String line : read(file).split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length >= 4) {
                records.add(new ProcessRecord(fields[0], Long.parseLong(fields[1]), Integer.parseInt(fields[2]), fields[3],
                        fields.length > 4 ? fields[4] : ""));
            }
        }
        return records;
    }

    Optional<Long> launcherPid() {
        Path file = directory.resolve("launcher.pid");
        return Files.isRegularFile(file) ? Optional.of(Long.parseLong(read(file).strip())) : Optional.empty();
    }

    /** The launcher still runs: its pid is alive and is a JVM (a recycled pid would be some other program). */
    Optional<ProcessHandle> liveLauncher() {
        return launcherPid().flatMap(ProcessHandle::of).filter(RunState::isJava);
    }

    static boolean isJava(ProcessHandle process) {
        return isRunning(process.pid()) && process.info().command().map(c -> c.endsWith("java")).orElse(true);
    }

    /**
     * Alive and not a zombie: a launcher killed with SIGKILL stays in the process table until its parent reaps it,
     * and in some containers nobody does.
     */
    static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException e) {
                return true;  // no /proc (macOS): trust isAlive
            }
        }
        return false;
    }

    void clear() {
        for (String name : List.of("launcher.pid", "phase", "processes.tsv", "summary.txt")) {
            try {
                Files.deleteIfExists(directory.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void write(String name, String content) {
        try {
            Files.createDirectories(directory);
            Path temp = directory.resolve(name + ".tmp");
            Files.writeString(temp, content);
            Files.move(temp, directory.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory.resolve(name), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
