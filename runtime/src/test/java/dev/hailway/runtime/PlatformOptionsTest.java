package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class PlatformOptionsTest {

    @Test
    void defaultsKeepEverythingUnderDotHailwayOnTheConventionPorts() {
        var options = PlatformOptions.defaults(Path.of("/repo"));

        assertThat(options.dataDirectory()).isEqualTo(Path.of("/repo/.hailway/data"));
        assertThat(options.logDirectory()).isEqualTo(Path.of("/repo/.hailway/logs"));
        assertThat(options.secretsDirectory()).isEqualTo(Path.of("/repo/.hailway/data/secrets"));
        assertThat(options.serviceJar("identity")).isEqualTo(Path.of("/repo/services/identity/target/identity.jar"));
        assertThat(options.postgresPort()).isEqualTo(25432);
        assertThat(options.kafkaPort()).isEqualTo(29092);
        assertThat(options.kafkaControllerPort()).isEqualTo(29093);
    }

    @Test
    void testsCanMoveAServiceToAnotherPort() {
        var options = PlatformOptions.defaults(Path.of("/repo")).withServicePort("gateway", 18080);

        assertThat(options.services()).filteredOn(s -> s.name().equals("gateway")).singleElement()
                .extracting(ServiceSpec::port).isEqualTo(18080);
    }

    @Test
    void movingAnUnknownServiceIsAnError() {
        assertThatThrownBy(() -> PlatformOptions.defaults(Path.of("/repo")).withServicePort("gatway", 1))
                .hasMessage("no service named gatway");
    }
}
