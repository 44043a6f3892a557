package dev.hailway.platform.web.timeouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md: every synchronous call has a timeout. This test reads the main sources of every service and
 * platform library (it runs in platform-web, early in the build, but sees the whole repository's sources) and fails on
 * any HTTP client built without its timeouts; see {@link HttpClientTimeouts} for what counts.
 */
class EveryHttpClientHasATimeoutTest {

    private static final Path FIXTURES = Path.of("src/test/resources/http-client-timeouts");

    @Test
    void everyHttpClientInTheServicesAndPlatformHasItsTimeouts() {
        HttpClientTimeouts.Report report = HttpClientTimeouts.scan(mainSources());

        assertThat(report.violations()).as("HTTP clients without timeouts").isEmpty();
        // It did look: these clients are known to exist, and a scan that finds none has lost its way.
        assertThat(report.clients()).anyMatch(client -> client.contains("ServiceTokens.java"))
                .anyMatch(client -> client.contains("MatchingConfiguration.java"))
                .anyMatch(client -> client.contains("AccessTokens.java"))
                .anyMatch(client -> client.contains("BookingConfiguration.java"))
                .anyMatch(client -> client.contains("ResourceServerAutoConfiguration.java"));
    }

    @Test
    void catchesEveryKindOfClientBuiltWithoutATimeout() {
        HttpClientTimeouts.Report report = HttpClientTimeouts.scan(List.of(FIXTURES.resolve("without")));

        assertThat(report.violations()).extracting(HttpClientTimeouts.Violation::problem).containsExactlyInAnyOrder(
                "HttpClient.newHttpClient() has no connect timeout: use newBuilder().connectTimeout(..)",
                "a JDK HttpClient without connectTimeout(..)",
                "a JDK HttpRequest without timeout(..) (nor its answer awaited with get(n, unit))",
                "a Reactor Netty HttpClient without responseTimeout(..)",
                "a Reactor Netty HttpClient without ChannelOption.CONNECT_TIMEOUT_MILLIS",
                "a WebClient without clientConnector(..) (Netty's default waits forever)",
                "WebClient.create(..) has no timeouts: use WebClient.builder().clientConnector(..)",
                "a RestClient without requestFactory(..)",
                "RestClient.create(..) has no timeouts: use a builder with requestFactory(..)",
                "a RestClient built from a RestClient.Builder without requestFactory(..)",
                "a RestTemplate without a request factory (the default waits forever)",
                "a SimpleClientHttpRequestFactory without setReadTimeout(..)",
                "a JdkClientHttpRequestFactory without setReadTimeout(..)",
                "a DefaultResourceRetriever without its connect and read timeouts (0 is forever)",
                "a NimbusJwtDecoder without restOperations(..) (its RestTemplate waits forever)",
                "a NimbusReactiveJwtDecoder without webClient(..) (its WebClient waits forever)",
                "a URLConnection without setReadTimeout(..)");
        assertThat(report.violations()).allSatisfy(violation -> assertThat(violation.line()).isPositive());
    }

    @Test
    void acceptsTheSameClientsWithTheirTimeouts() {
        HttpClientTimeouts.Report report = HttpClientTimeouts.scan(List.of(FIXTURES.resolve("with")));

        assertThat(report.violations()).isEmpty();
        assertThat(report.clients()).hasSizeGreaterThanOrEqualTo(10);
    }

    private static List<Path> mainSources() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.isDirectory(root.resolve("services")) && Files.isDirectory(root.resolve("platform")))) {
            root = root.getParent();
        }
        assertThat(root).as("the repository root, above %s", Path.of("").toAbsolutePath()).isNotNull();
        List<Path> sources = new ArrayList<>();
        for (String group : List.of("services", "platform")) {
            try (Stream<Path> modules = Files.list(root.resolve(group))) {
                modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).forEach(sources::add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(10);
        return sources;
    }
}
