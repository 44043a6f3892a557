package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServicesTest {

    @Test
    void localPlatformFollowsThePortsOfTheConventions() {
        assertThat(Services.LOCAL).extracting(ServiceSpec::name, ServiceSpec::port).containsExactly(
                org.assertj.core.groups.Tuple.tuple("identity", 8081), org.assertj.core.groups.Tuple.tuple("drivers", 8082),
                org.assertj.core.groups.Tuple.tuple("location", 8083), org.assertj.core.groups.Tuple.tuple("pricing", 8084),
                org.assertj.core.groups.Tuple.tuple("trips", 8085), org.assertj.core.groups.Tuple.tuple("dispatch", 8086),
                org.assertj.core.groups.Tuple.tuple("payments", 8087), org.assertj.core.groups.Tuple.tuple("notifications", 8088),
                org.assertj.core.groups.Tuple.tuple("history", 8089), org.assertj.core.groups.Tuple.tuple("gateway", 8080));
    }

    @Test
    void onlyServicesWithStateGetADatabase() {
        assertThat(Services.LOCAL).filteredOn(spec -> !spec.needsDatabase()).extracting(ServiceSpec::name)
                .containsExactlyInAnyOrder("gateway", "notifications");
    }

    @Test
    void servicesStartAfterEverythingTheyDependOn() {
        var gateway = new ServiceSpec("gateway", 8080, false, List.of("identity", "trips"));
        var trips = new ServiceSpec("trips", 8085, true, List.of("identity"));
        var identity = new ServiceSpec("identity", 8081, true, List.of());

        assertThat(Services.inStartOrder(List.of(gateway, trips, identity))).containsExactly(identity, trips, gateway);
    }

    @Test
    void unknownDependencyIsRejectedBeforeAnythingStarts() {
        var gateway = new ServiceSpec("gateway", 8080, false, List.of("identiy"));

        assertThatThrownBy(() -> Services.inStartOrder(List.of(gateway)))
                .hasMessage("gateway depends on unknown service identiy");
    }

    @Test
    void dependencyCycleIsRejected() {
        var a = new ServiceSpec("trips", 8085, true, List.of("dispatch"));
        var b = new ServiceSpec("dispatch", 8086, true, List.of("trips"));

        assertThatThrownBy(() -> Services.inStartOrder(List.of(a, b))).hasMessageContaining("cycle");
    }

    @Test
    void twoServicesCannotShareAPort() {
        var a = new ServiceSpec("trips", 8085, true, List.of());
        var b = new ServiceSpec("dispatch", 8085, true, List.of());

        assertThatThrownBy(() -> Services.inStartOrder(List.of(a, b))).hasMessage("port 8085 given to two services");
    }

    @Test
    void serviceNamesMustBeUsableAsDatabaseAndRoleNames() {
        assertThatThrownBy(() -> new ServiceSpec("Trips; DROP", 8085, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
