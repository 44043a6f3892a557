package dev.hailway.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.hailway.runtime.ContainerEngine;
import dev.hailway.runtime.ContainerPlatform;
import dev.hailway.runtime.PlatformOptions;
import dev.hailway.runtime.PortSet;

/**
 * Starts the platform from the images this build made, once for every {@code *FromImagesIT} class (they run in a
 * JVM of their own, after the suite of processes has stopped its platform), as {@code ./hailway up --containers}
 * does: the same ports but moved to {@link PortSet#CONTAINER_TESTS}, containers and volumes named
 * {@code hailway-e2e-*}, both discarded first so that every run starts from empty volumes.
 */
public final class ContainerPlatformExtension implements BeforeAllCallback, ParameterResolver {

    static final String PREFIX = "hailway-e2e";

    @Override
    public void beforeAll(ExtensionContext context) {
        store(context).computeIfAbsent(Running.class, key -> Running.start(), Running.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ContainerPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return store(extension).computeIfAbsent(Running.class, key -> Running.start(), Running.class).platform();
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(ContainerPlatformExtension.class));
    }

    record Running(ContainerPlatform platform) implements AutoCloseable {

        static Running start() {
            Path root = Path.of(System.getProperty("hailway.repository.root", "..")).toAbsolutePath().normalize();
            Path base = root.resolve("e2e/target/containers");
            try {
                PlatformExtension.RunningPlatform.deleteRecursively(base);
                Files.createDirectories(base);
                PrintStream progress = new PrintStream(Files.newOutputStream(base.resolve("launcher.log")), true);
                PlatformOptions options = PortSet.CONTAINER_TESTS.applyTo(PlatformOptions.defaults(root))
                        .withBaseDirectory(base)
                        .withServiceEnvironment("gateway", PlatformExtension.GATEWAY_ENVIRONMENT)
                        .withServiceEnvironment("dispatch", PlatformExtension.DISPATCH_ENVIRONMENT)
                        .withHealthTimeout(Duration.ofSeconds(300))
                        .withOut(progress);
                var engine = ContainerEngine.fromEnvironment();
                var platform = new ContainerPlatform(options, engine, PREFIX);
                discardEarlierRuns(engine, platform);
                platform.startAll();
                return new Running(platform);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Containers and volumes a killed test JVM left behind: this prefix belongs to the suite alone. */
        private static void discardEarlierRuns(ContainerEngine engine, ContainerPlatform platform) {
            var containers = engine.run(Duration.ofMinutes(1), List.of("ps", "--all", "--quiet", "--filter", "label=dev.hailway.platform=" + PREFIX));
            for (String id : containers.output().strip().lines().filter(line -> !line.isBlank()).toList()) {
                engine.run(Duration.ofMinutes(1), List.of("rm", "--force", "--time", "5", id));
            }
            for (String process : List.of(ContainerPlatform.POSTGRES, ContainerPlatform.KAFKA)) {
                engine.run(Duration.ofMinutes(1), List.of("volume", "rm", "--force", platform.volumeName(process)));
            }
        }

        @Override
        public void close() {
            platform.close();
        }
    }
}
