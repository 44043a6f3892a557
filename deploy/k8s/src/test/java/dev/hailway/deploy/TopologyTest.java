package dev.hailway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.hailway.runtime.ServiceSpec;
import dev.hailway.runtime.Services;

/**
 * deploy/topology.yaml says what the code does: the topics each service publishes to and listens on (read from its
 * sources, the names resolved through the contracts' *Topics classes), the services it calls (the service URLs it
 * configures, the service tokens it asks for), and what the gateway routes where (its route table).
 */
@SuppressWarnings("unchecked")
class TopologyTest {

    private static final Topology TOPOLOGY = Topology.read(Rendering.ROOT.resolve("deploy/topology.yaml"));
    private static final Pattern PUBLISH = Pattern.compile("(?:events\\.publish|kafka\\.send)\\(\\s*(\\w+Topics\\.\\w+)");
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)", Pattern.DOTALL);
    private static final Pattern LISTENER_TOPICS = Pattern.compile("topics\\s*=\\s*(\\{[^}]*}|\\w+Topics\\.\\w+)");
    private static final Pattern READ_TO_THE_END = Pattern.compile("partitionsFor\\(\\s*(\\w+Topics\\.\\w+)");
    private static final Pattern CONSTANT = Pattern.compile("\\w+Topics\\.\\w+");
    private static final Pattern ROUTE = Pattern.compile("ServiceRoute\\.(?:of|streaming)\\(\"(\\w+)\",\\s*([^)]*)\\)");
    private static final List<Class<?>> TOPIC_CLASSES = List.of(dev.hailway.identity.api.IdentityTopics.class,
            dev.hailway.drivers.api.DriverTopics.class, dev.hailway.location.api.LocationTopics.class,
            dev.hailway.pricing.api.PricingTopics.class, dev.hailway.trips.api.TripTopics.class,
            dev.hailway.dispatch.api.DispatchTopics.class, dev.hailway.payments.api.PaymentTopics.class);

    @Test
    void theTopologyHasEveryServiceTheLauncherStartsAndNoOther() {
        assertThat(TOPOLOGY.services().keySet()).containsExactlyInAnyOrderElementsOf(Services.LOCAL.stream().map(ServiceSpec::name).toList());
    }

    @Test
    void eachServicePublishesToTheTopicsItsCodePublishesTo() throws IOException {
        for (var service : TOPOLOGY.services().values()) {
            assertThat(topics(sources(service.name()), PUBLISH)).as(service.name()).isEqualTo(new TreeSet<>(service.publishes()));
        }
    }

    @Test
    void eachServiceConsumesTheTopicsItsListenersAndRebuildsRead() throws IOException {
        for (var service : TOPOLOGY.services().values()) {
            String code = sources(service.name());
            Set<String> consumed = new TreeSet<>(topics(code, READ_TO_THE_END));
            Matcher listener = LISTENER.matcher(code);
            while (listener.find()) {
                Matcher topics = LISTENER_TOPICS.matcher(listener.group(1));
                assertThat(topics.find()).as("%s: a listener names its topics", service.name()).isTrue();
                consumed.addAll(topics(topics.group(1), CONSTANT));
            }
            assertThat(consumed).as(service.name()).isEqualTo(new TreeSet<>(service.consumes()));
        }
    }

    @Test
    void theTopicsASharedPlatformCreatesAreTheOnesEachServiceDeclares() throws IOException {
        for (var service : TOPOLOGY.services().values()) {
            Map<String, Object> events = (Map<String, Object>) hailway(service.name()).getOrDefault("events", Map.of());
            List<String> created = (List<String>) events.getOrDefault("topics", List.of());
            assertThat(service.publishes()).as("%s publishes to every topic it has created", service.name()).containsAll(created);
        }
    }

    @Test
    void eachServiceCallsExactlyTheServicesItHasAddressesFor() throws IOException {
        for (var service : TOPOLOGY.services().values()) {
            if (service.edge()) {
                continue;
            }
            Map<String, Object> services = (Map<String, Object>) hailway(service.name()).getOrDefault("services", Map.of());
            Set<String> called = new TreeSet<>(TOPOLOGY.calleesOf(service.name()));
            called.remove("identity");  // every service reaches identity, for its keys (below)
            assertThat(new TreeSet<>(services.keySet())).as("%s: hailway.services.* in application.yml", service.name()).isEqualTo(called);
        }
    }

    @Test
    void everyServiceButIdentityReadsIdentitysKeysAndOnlyThoseUsingServiceTokensAskForOne() throws IOException {
        for (var service : TOPOLOGY.services().values()) {
            Set<String> requests = new TreeSet<>();
            TOPOLOGY.requests(service.name(), "identity").forEach(r -> requests.add(r.method() + " " + r.path()));
            boolean usesTokens = sources(service.name()).contains("ServiceTokens");
            if (service.name().equals("identity")) {
                assertThat(requests).isEmpty();
                continue;
            }
            assertThat(requests).as(service.name()).contains("GET /api/auth/jwks");
            assertThat(requests.contains("POST /internal/auth/service-token")).as("%s asks identity for service tokens", service.name())
                    .isEqualTo(usesTokens);
        }
    }

    @Test
    void theGatewayRoutesExactlyTheRoutesOfTheTopology() throws IOException {
        String table = Files.readString(Rendering.ROOT.resolve("services/gateway/src/main/java/dev/hailway/gateway/routing/RouteTable.java"));
        Map<String, Set<String>> routes = new HashMap<>();
        Matcher route = ROUTE.matcher(table);
        while (route.find()) {
            Set<String> paths = new TreeSet<>();
            for (String quoted : route.group(2).split(",")) {
                // Spring's /** is Istio's /*: both match any path below.
                paths.add(quoted.strip().replace("\"", "").replace("/**", "/*"));
            }
            routes.put(route.group(1), paths);
        }
        assertThat(routes).isNotEmpty();
        for (var service : TOPOLOGY.services().values()) {
            assertThat(routes.getOrDefault(service.name(), Set.of())).as(service.name()).isEqualTo(new TreeSet<>(service.routes()));
        }
    }

    /** The manifests scrape the gateway where its code opens the actuator: the public port + the offset, unless pinned. */
    @Test
    void theGatewaysManagementPortIsWhereItsCodePutsTheActuator() throws IOException {
        String code = Files.readString(Rendering.ROOT.resolve(
                "services/gateway/src/main/java/dev/hailway/gateway/management/ManagementPortEnvironmentPostProcessor.java"));
        Matcher offset = Pattern.compile("int OFFSET = (\\d+);").matcher(code);
        assertThat(offset.find()).as("ManagementPortEnvironmentPostProcessor.OFFSET").isTrue();
        assertThat(Integer.parseInt(offset.group(1))).isEqualTo(Manifests.MANAGEMENT_PORT_OFFSET);
        assertThat(code).as("derived from server.port").contains("serverPort + OFFSET");

        Map<String, Object> settings;
        try (InputStream in = Files.newInputStream(Rendering.ROOT.resolve("services/gateway/src/main/resources/application.yml"))) {
            settings = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Object> management = (Map<String, Object>) settings.getOrDefault("management", Map.of());
        assertThat(management).as("no management.server.port or base path that would move the actuator").doesNotContainKey("server");
        Map<String, Object> web = (Map<String, Object>) ((Map<String, Object>) management.get("endpoints")).get("web");
        assertThat(web).as("the actuator under /actuator, the path the manifests annotate").doesNotContainKey("base-path");
        assertThat(String.valueOf(((Map<String, Object>) web.get("exposure")).get("include")))
                .as("management.endpoints.web.exposure.include").contains("prometheus");
        // Nothing in the deployment pins the port elsewhere: the gateway's settings leave it derived.
        Map<String, Object> gateway = new Manifests(TOPOLOGY).settings(TOPOLOGY.edge());
        assertThat((Map<String, Object>) gateway.get("data")).doesNotContainKey("MANAGEMENT_SERVER_PORT")
                .containsEntry("SERVER_PORT", Integer.toString(TOPOLOGY.port()));
    }

    private static Set<String> topics(String code, Pattern pattern) {
        Set<String> topics = new TreeSet<>();
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            String reference = matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
            Matcher constant = CONSTANT.matcher(reference);
            while (constant.find()) {
                topics.add(resolve(constant.group()));
            }
        }
        return topics;
    }

    /** {@code TripTopics.TRIPS} to {@code trips.trips}, from the contract class itself. */
    private static String resolve(String constant) {
        String[] parts = constant.split("\\.");
        for (Class<?> type : TOPIC_CLASSES) {
            if (type.getSimpleName().equals(parts[0])) {
                try {
                    Field field = type.getField(parts[1]);
                    assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
                    return (String) field.get(null);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("no topic " + constant, e);
                }
            }
        }
        throw new AssertionError("no contract class " + parts[0] + " among " + TOPIC_CLASSES);
    }

    /** Every main source of the service as one text. */
    private static String sources(String service) throws IOException {
        var text = new StringBuilder();
        try (Stream<Path> files = Files.walk(Rendering.ROOT.resolve("services").resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                text.append(Files.readString(file)).append('\n');
            }
        }
        return text.toString();
    }

    private static Map<String, Object> hailway(String service) throws IOException {
        try (InputStream in = Files.newInputStream(Rendering.ROOT.resolve("services").resolve(service).resolve("src/main/resources/application.yml"))) {
            Map<String, Object> settings = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return (Map<String, Object>) settings.getOrDefault("hailway", Map.of());
        }
    }
}
