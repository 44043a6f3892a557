package dev.hailway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a script of deploy/pipeline as a workflow step does, with a time limit, and keeps what it printed. */
record PipelineScript(Path script) {

    record Result(int exitCode, String out, String err) {

        /** The names of a step output such as {@code images=["kafka","trips"]}. */
        List<String> output(String name) {
            return out.lines().filter(l -> l.startsWith(name + "=[")).findFirst()
                    .map(l -> l.substring(name.length() + 2, l.length() - 1))
                    .map(list -> list.isEmpty() ? List.<String>of() : Arrays.stream(list.split(",")).map(s -> s.replace("\"", "")).toList())
                    .orElseThrow(() -> new AssertionError("no output " + name + " in:\n" + out + err));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static PipelineScript of(Path root, String name) {
        return new PipelineScript(root.resolve("deploy/pipeline").resolve(name));
    }

    Result run(String... args) {
        return run(Map.of(), "", args);
    }

    /** {@code environment} is added to this JVM's; a {@code PATH} entry goes before the inherited PATH. */
    Result run(Map<String, String> environment, String input, String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("pipeline-out", ".txt");
            Path err = Files.createTempFile("pipeline-err", ".txt");
            Path in = Files.createTempFile("pipeline-in", ".txt");
            try {
                Files.writeString(in, input);
                var builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(in.toFile());
                environment.forEach((key, value) -> builder.environment().merge(key, value,
                        (inherited, added) -> key.equals("PATH") ? added + ":" + inherited : added));
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(script.getFileName() + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
                Files.deleteIfExists(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
