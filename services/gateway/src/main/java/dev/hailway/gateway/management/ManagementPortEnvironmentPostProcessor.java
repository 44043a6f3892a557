package dev.hailway.gateway.management;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The gateway's actuator listens on a port of its own, {@value #OFFSET} above the public one unless
 * {@code MANAGEMENT_SERVER_PORT} says otherwise: metrics name every service's address, the JDK and the install path,
 * and belong to the scraper, not to the internet. The public port keeps only the liveness and readiness probes
 * (application.yml), so probes and the launcher's health checks need no change.
 *
 * <p>Derived, not fixed, so that every port set of the launcher (8080, 18080, ...; the services at +1 … +9) gets its
 * own management port (8090, 18090, ...) and two platforms on one machine never fight over it. It binds the address
 * the public port binds ({@code SERVER_ADDRESS}, loopback in local mode), never wider.
 */
public class ManagementPortEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** Management port = server port + this; the next free slot after the nine services of a port set. */
    public static final int OFFSET = 10;
    static final String PROPERTY_SOURCE = "hailwayGatewayManagementPort";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        if (!environment.containsProperty("management.server.port")) {
            int serverPort = environment.getProperty("server.port", Integer.class, 8080);
            // Port 0 (tests) stays random for both; a negative port means no server at all.
            if (serverPort >= 0) {
                derived.put("management.server.port", serverPort == 0 ? 0 : serverPort + OFFSET);
            }
        }
        String address = environment.getProperty("server.address");
        if (address != null && !address.isBlank() && !environment.containsProperty("management.server.address")) {
            derived.put("management.server.address", address.strip());
        }
        if (!derived.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, derived));
        }
    }
}
