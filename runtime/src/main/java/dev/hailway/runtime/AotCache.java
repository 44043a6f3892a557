package dev.hailway.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Boot jar through the JDK's AOT cache (JEP 483/514/515): the cache needs a plain class path, so the fat jar
 * is extracted once ({@code -Djarmode=tools extract}) into {@code .hailway/app/<name>/}; the first run records the
 * cache ({@code -XX:AOTCacheOutput}, written when that JVM exits), later runs load it ({@code -XX:AOTCache}). A
 * changed jar is extracted again and trains a new cache.
 */
final class AotCache {

    enum Mode { OFF, TRAINING, CACHED }

    record Launch(Mode mode, List<String> jvmOptions, Path jar) {
    }

    private AotCache() {
    }

    /**
     * {@code jvmOptions} are part of the cache's identity: a cache recorded with other heap, collector or header
     * settings would be refused at every start, so changing them trains a new one.
     */
    static Launch prepare(String service, Path jar, Path appDirectory, boolean enabled, List<String> jvmOptions) {
        if (!enabled) {
            return new Launch(Mode.OFF, List.of(), jar);
        }
        try {
            Path dir = appDirectory.resolve(service);
            Path stampFile = dir.resolve("jar.stamp");
            String stamp = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis() + ":" + String.join(" ", jvmOptions);
            Path extracted = dir.resolve("extracted");
            if (!Files.exists(stampFile) || !Files.readString(stampFile).equals(stamp)) {
                deleteRecursively(dir);
                Files.createDirectories(dir);
                extract(jar, extracted);
                Files.writeString(stampFile, stamp);
            }
            Path runnable = extracted.resolve(jar.getFileName());
            Path cache = dir.resolve("app.aot");
            Path recording = dir.resolve("app.aot.config");
            if (Files.exists(recording)) {
                // The JVM removes its recording once the cache is assembled: this one was stopped half-way.
                Files.deleteIfExists(cache);
                Files.delete(recording);
            }
            List<String> options = new ArrayList<>();
            Mode mode;
            if (Files.isRegularFile(cache)) {
                mode = Mode.CACHED;
                options.add("-XX:AOTCache=" + cache);
            } else {
                mode = Mode.TRAINING;
                options.add("-XX:AOTCacheOutput=" + cache);
            }
            // A cache made with other flags is refused with a warning and the JVM starts without it: not fatal.
            options.add("-Xlog:aot=error,cds=error");
            return new Launch(mode, options, runnable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the AOT cache of " + service, e);
        }
    }

    private static void extract(Path jar, Path destination) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", destination.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("extracting " + jar + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + jar, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
