package dev.hailway.drivers.profiles.internal;

import dev.hailway.drivers.profiles.Vehicle;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/drivers/me/vehicle}. {@code vehicleClass} is a string here so that an unknown class is a
 * validation problem naming the field rather than an unreadable body.
 */
record VehicleRequest(
        @NotNull @Size(min = Vehicle.PLATE_MIN, max = Vehicle.PLATE_MAX)
        @Pattern(regexp = Vehicle.PLATE_PATTERN, message = "must be letters, digits, spaces or hyphens")
        String plate,
        @NotBlank @Size(max = Vehicle.MODEL_MAX) @Pattern(regexp = "^\\P{Cntrl}*$", message = "must be printable")
        String model,
        @NotNull @Pattern(regexp = "STANDARD|COMFORT|XL", message = "must be one of STANDARD, COMFORT, XL")
        String vehicleClass) {
}
