package dev.hailway.drivers.profiles.internal;

import java.util.UUID;

import dev.hailway.drivers.profiles.DriverProfile;
import dev.hailway.drivers.profiles.Vehicle;
import org.jspecify.annotations.Nullable;

/** {@code GET /api/drivers/me}: the driver's profile as the driver app shows it. */
record DriverView(UUID driverId, @Nullable VehicleView vehicle, String shift, double rating) {

    record VehicleView(String plate, String model, String vehicleClass) {

        static VehicleView of(Vehicle vehicle) {
            return new VehicleView(vehicle.plate(), vehicle.model(), vehicle.vehicleClass().name());
        }
    }

    static DriverView of(DriverProfile profile) {
        return new DriverView(profile.id().value(), profile.currentVehicle().map(VehicleView::of).orElse(null),
                profile.shift().name(), profile.rating().value());
    }
}
