package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher against real PostgreSQL and Kafka, with {@link FakeService} jars in place of the services (the e2e
 * module starts the real ones).
 */
class PlatformIT {

    @TempDir
    Path repo;

    final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void servicesGetTheirOwnDatabaseAndCannotOpenEachOthers() throws Exception {
        fakeJar("identity", false);
        fakeJar("drivers", false);
        var options = options(List.of(
                new ServiceSpec("identity", freePort(), true, List.of()),
                new ServiceSpec("drivers", freePort(), true, List.of("identity"))));

        try (Platform platform = Platform.start(options)) {
            Map<String, String> identityEnv = environmentOf(platform.serviceUrl("identity"));
            Map<String, String> driversEnv = environmentOf(platform.serviceUrl("drivers"));

            assertThat(identityEnv).containsEntry("SPRING_DATASOURCE_USERNAME", "identity")
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", platform.kafkaBootstrapServers())
                    .containsEntry("HAILWAY_IDENTITY_OPERATOR_EMAIL", "operator@hailway.local");
            DriverManager.getConnection(identityEnv.get("SPRING_DATASOURCE_URL"), "identity",
                    identityEnv.get("SPRING_DATASOURCE_PASSWORD")).close();
            assertThatThrownBy(() -> DriverManager.getConnection(driversEnv.get("SPRING_DATASOURCE_URL"), "identity",
                    identityEnv.get("SPRING_DATASOURCE_PASSWORD")).close())
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
            assertThat(Files.readString(repo.resolve(".hailway/data/secrets/db-identity.password")))
                    .isEqualTo(identityEnv.get("SPRING_DATASOURCE_PASSWORD"));
            assertThat(repo.resolve(".hailway/logs/identity.log")).content().contains("fake service listening");
        }
    }

    @Test
    void killedServiceStartsAgainWhileTheRestKeepsRunning() throws Exception {
        fakeJar("identity", false);
        var options = options(List.of(new ServiceSpec("identity", freePort(), false, List.of())));

        try (Platform platform = Platform.start(options)) {
            long before = pidOf(platform, "identity");
            platform.kill("identity");
            assertThat(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            platform.start("identity");

            assertThat(HealthChecks.serviceReady(port(platform, "identity"))).isTrue();
            assertThat(pidOf(platform, "identity")).isNotEqualTo(before);
        }
    }

    @Test
    void takenPortIsReportedAndNothingStarts() throws Exception {
        fakeJar("gateway", false);
        try (var taken = new ServerSocket(freePort())) {
            var options = options(List.of(new ServiceSpec("gateway", taken.getLocalPort(), false, List.of())));

            assertThatThrownBy(() -> Platform.start(options))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is already in use (needed by gateway)");
            assertThat(Ports.isFree(options.postgresPort())).isTrue();
            assertThat(Ports.isFree(options.kafkaPort())).isTrue();
            assertThat(repo.resolve(".hailway/data/postgres")).doesNotExist();
        }
    }

    @Test
    void serviceThatExitsFailsTheStartWithItsLogAndEverythingElseStops() throws Exception {
        fakeJar("identity", false);
        fakeJar("trips", true);
        var options = options(List.of(
                new ServiceSpec("identity", freePort(), true, List.of()),
                new ServiceSpec("trips", freePort(), true, List.of())));

        assertThatThrownBy(() -> Platform.start(options))
                .isInstanceOfSatisfying(StartupFailedException.class, e -> {
                    assertThat(e.process()).isEqualTo("trips");
                    assertThat(e.getMessage()).isEqualTo("trips exited with code 3 before it was healthy");
                    assertThat(e.logTail()).anySatisfy(line -> assertThat(line).contains("boom: cannot start"));
                });
        // close() has returned by now; the ports are released as the processes end.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(Ports.isFree(options.services().getFirst().port())).as("identity port").isTrue();
            assertThat(Ports.isFree(options.kafkaPort())).as("kafka port").isTrue();
            assertThat(Ports.isFree(options.postgresPort())).as("postgres port").isTrue();
        });
    }

    private PlatformOptions options(List<ServiceSpec> services) {
        return PlatformOptions.defaults(repo)
                .withInfrastructurePorts(freePort(), freePort(), freePort())
                .withServices(services)
                .withAotCache(false)
                .withHealthTimeout(Duration.ofSeconds(90))
                .withOut(new PrintStream(console, true));
    }

    /** A runnable jar at services/NAME/target/NAME.jar holding {@link FakeService}. */
    private void fakeJar(String name, boolean failing) throws IOException {
        Path jar = repo.resolve("services/" + name + "/target/" + name + ".jar");
        Files.createDirectories(jar.getParent());
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, failing ? FailingMain.class.getName() : FakeService.class.getName());
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : List.of(FakeService.class, FailingMain.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (var in = type.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    private static Map<String, String> environmentOf(String serviceUrl) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(serviceUrl + "/env")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
    }

    private static long pidOf(Platform platform, String name) {
        return platform.processes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().pid();
    }

    private static int port(Platform platform, String name) {
        return platform.processes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().port();
    }

    /**
     * A port of its own for every use, below the ephemeral range and outside every {@link PortSet}: a port from
     * {@code new ServerSocket(0)} lies inside the ephemeral range, where a client connection may take it between
     * this test choosing it and the process binding it.
     */
    private static int freePort() {
        while (true) {
            int port = NEXT_PORT.getAndIncrement();
            if (port > 19999) {
                throw new IllegalStateException("PlatformIT ran out of ports in 19100-19999");
            }
            if (Ports.isFree(port)) {
                return port;
            }
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger(19100);
}
