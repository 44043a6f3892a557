package dev.hailway.platform.infra;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server binaries that zonky publishes on Maven Central, unpacked once per machine into the
 * temp directory (in the PostgreSQL image: unpacked when it was built, where {@value #PREINSTALLED} says). A
 * directory named after the archive digest is unpacked elsewhere and moved in place, so two
 * JVMs starting at the same moment never see half an installation.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** Set in the PostgreSQL image, whose binaries were unpacked when it was built and whose root is read-only. */
    static final String PREINSTALLED = "HAILWAY_POSTGRES_HOME";

    static Path installed() {
        String preinstalled = System.getenv(PREINSTALLED);
        if (preinstalled != null && !preinstalled.isBlank()) {
            Path home = Path.of(preinstalled);
            if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                throw new IllegalStateException(PREINSTALLED + "=" + preinstalled + " holds no bin/postgres");
            }
            return home;
        }
        try {
            Path root = Path.of(System.getProperty("java.io.tmpdir"), "hailway-postgres");
            Path home = root.resolve(digest());
            if (Files.isExecutable(home.resolve("bin/postgres"))) {
                return home;
            }
            Files.createDirectories(root);
            Path staging = Files.createTempDirectory(root, "unpacking-");
            Path archiveFile = staging.resolve("postgres.txz");
            try (InputStream in = archive()) {
                Files.copy(in, archiveFile);
            }
            run(List.of("tar", "-xJf", archiveFile.toString(), "-C", staging.toString()));
            Files.delete(archiveFile);
            try {
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                // Another JVM won the race; its copy is complete because it was moved in whole.
                deleteRecursively(staging);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the PostgreSQL binaries", e);
        }
    }

    private static InputStream archive() throws IOException {
        InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(operatingSystem(), architecture());
        if (in == null) {
            throw new IllegalStateException("no embedded PostgreSQL binaries for " + operatingSystem() + " " + architecture());
        }
        return in;
    }

    /** Streams the archive through the digest: it is some 10 MB, and the launcher runs with a small heap. */
    private static String digest() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(archive(), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String operatingSystem() {
        String os = System.getProperty("os.name").toLowerCase();
        if (os.contains("mac")) {
            return "Darwin";
        }
        if (os.contains("linux")) {
            return "Linux";
        }
        throw new IllegalStateException("embedded PostgreSQL does not support " + os);
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
