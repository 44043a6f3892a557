package dev.hailway.images;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The JDK modules a set of jars needs, found by jdeps, one jar at a time with the answer kept per jar digest (in
 * {@code ~/.cache/hailway/jdeps}): the first analysis of every dependency takes about a minute, later builds only
 * look at the jars that changed.
 *
 * <p>jdeps reads each jar's classes from a directory rather than the jar itself: given a modular jar, it tries to
 * resolve the modules that jar requires and fails when they are not JDK modules.
 */
final class JdkModules {

    private final Path cache;
    private final ToolProvider jdeps = ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new IllegalStateException("jdeps is missing: the image build needs a JDK, not a JRE"));

    JdkModules(Path cache) {
        this.cache = cache;
    }

    static JdkModules withUserCache() {
        return new JdkModules(Path.of(System.getProperty("user.home"), ".cache", "hailway", "jdeps"));
    }

    /** The modules, sorted, that the classes of {@code jars} refer to. */
    Set<String> of(Collection<Path> jars) {
        Set<String> modules = new TreeSet<>();
        for (Path jar : jars) {
            modules.addAll(of(jar));
        }
        return modules;
    }

    Set<String> of(Path jar) {
        try {
            Path answer = cache.resolve(digest(jar) + ".modules");
            if (Files.isRegularFile(answer)) {
                return parse(Files.readString(answer));
            }
            Set<String> modules = analyse(jar);
            Files.createDirectories(cache);
            Path temp = Files.createTempFile(cache, "answer", ".tmp");
            Files.writeString(temp, String.join(",", modules));
            Files.move(temp, answer, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse " + jar, e);
        }
    }

    private Set<String> analyse(Path jar) throws IOException {
        Path classes = Files.createTempDirectory("jdeps-classes");
        try {
            if (!unpackClasses(jar, classes)) {
                return Set.of();  // resources only
            }
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = jdeps.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    "--ignore-missing-deps", "--print-module-deps", "-q", classes.toString());
            if (code != 0) {
                throw new IllegalStateException("jdeps failed on " + jar + ": " + err.toString(StandardCharsets.UTF_8).strip());
            }
            return parse(out.toString(StandardCharsets.UTF_8));
        } finally {
            Files.walk(classes).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Writes the jar's classes, but its module descriptor and the versioned copies under META-INF, to {@code target}. */
    private static boolean unpackClasses(Path jar, Path target) throws IOException {
        boolean any = false;
        try (var in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) {
                    continue;
                }
                Path file = target.resolve(name).normalize();
                if (!file.startsWith(target)) {
                    continue;  // a crafted entry name (../) stays out
                }
                Files.createDirectories(file.getParent());
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                any = true;
            }
        }
        return any;
    }

    private static Set<String> parse(String text) {
        Set<String> modules = new TreeSet<>();
        Arrays.stream(text.strip().split("[,\\s]+")).filter(m -> !m.isBlank()).forEach(modules::add);
        return modules;
    }

    private static String digest(Path jar) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
