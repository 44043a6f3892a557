package dev.hailway.chaos.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RedeliveryTest {

    @Test
    void aServicesGroupsAreTheOnesNamedAfterItButNotThoseOfOneInstance() {
        List<String> groups = List.of("trips-payments", "trips-dispatch", "location.drivers", "history", "dispatch-trips",
                "notifications-3f1c7a52-9b0e-4d6f-8a21-5c3e9d7b1a40", "e2e-audit-1", "tripsheet");

        assertThat(Redelivery.groupsByService(groups, List.of("trips", "location", "history", "notifications", "dispatch", "payments")))
                .isEqualTo(Map.of("trips", List.of("trips-dispatch", "trips-payments"), "location", List.of("location.drivers"),
                        "history", List.of("history"), "dispatch", List.of("dispatch-trips")));
    }
}
