package dev.hailway.drivers.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.drivers.api.VehicleRegistered;
import org.junit.jupiter.api.Test;

class ManagingDriversTest {

    private static final Instant NOW = Instant.parse("2026-01-01T08:00:00.123456Z");

    private final Map<DriverId, DriverProfile> stored = new HashMap<>();
    private final List<Object> published = new ArrayList<>();
    private final DriverProfiles profiles = new DriverProfiles() {
        @Override
        public void createIfAbsent(DriverId id, Instant at) {
            stored.putIfAbsent(id, DriverProfile.newDriver(id, at));
        }

        @Override
        public DriverProfile lock(DriverId id) {
            return stored.get(id);
        }

        @Override
        public void save(DriverProfile profile, Instant at) {
            stored.put(profile.id(), profile);
        }
    };
    private final ManagingDrivers drivers = new ManagingDrivers(profiles, (driver, event) -> published.add(event),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final DriverId id = new DriverId(UUID.randomUUID());

    @Test
    void theFirstCallCreatesTheProfileAndTheLateSignUpKeepsIt() {
        drivers.registerVehicle(id, new Vehicle("12가 3456", "Kia K5", VehicleClass.COMFORT));

        drivers.signUp(id, NOW.minusSeconds(60));

        assertThat(stored.get(id).currentVehicle()).isPresent();
        assertThat(stored.get(id).createdAt()).isEqualTo(NOW);
    }

    @Test
    void publishesOnlyWhatChanged() {
        drivers.registerVehicle(id, new Vehicle("12가 3456", "Kia K5", VehicleClass.COMFORT));
        drivers.registerVehicle(id, new Vehicle("12가 3456", "Kia K5", VehicleClass.COMFORT));
        drivers.goOnline(id);
        drivers.goOnline(id);

        assertThat(published).containsExactly(
                new VehicleRegistered(id.value(), "12가 3456", "Kia K5", VehicleClass.COMFORT, NOW),
                new DriverWentOnline(id.value(), VehicleClass.COMFORT, NOW));
        assertThat(stored.get(id).shift()).isEqualTo(ShiftState.ONLINE);
    }

    @Test
    void aFailedChangeStoresAndPublishesNothing() {
        assertThatThrownBy(() -> drivers.goOnline(id)).isInstanceOf(VehicleRequired.class);

        assertThat(published).isEmpty();
        assertThat(stored.get(id).shift()).isEqualTo(ShiftState.OFFLINE);
    }
}
