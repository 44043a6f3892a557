package dev.hailway.drivers.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import dev.hailway.drivers.api.DriverWentOffline;
import dev.hailway.drivers.api.DriverWentOnline;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.drivers.api.VehicleRegistered;
import org.junit.jupiter.api.Test;

class DriverProfileTest {

    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");
    private static final Vehicle SONATA = new Vehicle("12가 3456", "Hyundai Sonata", VehicleClass.STANDARD);
    private final DriverId id = new DriverId(UUID.randomUUID());

    @Test
    void newDriverIsOfflineWithoutVehicleAndRatedFive() {
        DriverProfile profile = DriverProfile.newDriver(id, T0);

        assertThat(profile.shift()).isEqualTo(ShiftState.OFFLINE);
        assertThat(profile.currentVehicle()).isEmpty();
        assertThat(profile.rating().value()).isEqualTo(5.0);
    }

    @Test
    void cannotGoOnlineWithoutVehicle() {
        assertThatThrownBy(() -> DriverProfile.newDriver(id, T0).goOnline(T0)).isInstanceOf(VehicleRequired.class);
    }

    @Test
    void goingOnlineAnnouncesTheVehicleClassOnce() {
        DriverProfile withCar = DriverProfile.newDriver(id, T0).registerVehicle(SONATA, T0).profile();

        var first = withCar.goOnline(T0);
        var second = first.profile().goOnline(T0.plusSeconds(1));

        assertThat(first.profile().shift()).isEqualTo(ShiftState.ONLINE);
        assertThat(first.event()).contains(new DriverWentOnline(id.value(), VehicleClass.STANDARD, T0));
        assertThat(second.event()).isEmpty();
        assertThat(second.profile()).isEqualTo(first.profile());
    }

    @Test
    void goingOfflineWhenOfflineChangesNothing() {
        DriverProfile offline = DriverProfile.newDriver(id, T0).registerVehicle(SONATA, T0).profile();

        assertThat(offline.goOffline(T0).event()).isEmpty();
        var online = offline.goOnline(T0).profile();
        var change = online.goOffline(T0);
        assertThat(change.event()).contains(new DriverWentOffline(id.value(), T0));
        assertThat(change.profile().shift()).isEqualTo(ShiftState.OFFLINE);
    }

    @Test
    void registeringTheSameVehicleAgainTellsNobody() {
        var first = DriverProfile.newDriver(id, T0).registerVehicle(SONATA, T0);
        var again = first.profile().registerVehicle(new Vehicle("12가 3456", "Hyundai Sonata", VehicleClass.STANDARD), T0);

        assertThat(first.event()).contains(new VehicleRegistered(id.value(), "12가 3456", "Hyundai Sonata",
                VehicleClass.STANDARD, T0));
        assertThat(again.event()).isEmpty();
    }

    @Test
    void vehicleCannotChangeDuringAShift() {
        DriverProfile online = DriverProfile.newDriver(id, T0).registerVehicle(SONATA, T0).profile().goOnline(T0)
                .profile();

        assertThatThrownBy(() -> online.registerVehicle(new Vehicle("AB 1", "Kia Carnival", VehicleClass.XL), T0))
                .isInstanceOf(VehicleLockedDuringShift.class);
    }
}
