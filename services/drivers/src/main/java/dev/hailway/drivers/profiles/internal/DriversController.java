package dev.hailway.drivers.profiles.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.drivers.profiles.DriverId;
import dev.hailway.drivers.profiles.DriverProfile;
import dev.hailway.drivers.profiles.ManagingDrivers;
import dev.hailway.drivers.profiles.Vehicle;
import dev.hailway.drivers.profiles.VehicleLockedDuringShift;
import dev.hailway.drivers.profiles.VehicleRequired;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/drivers/me")
@PreAuthorize("hasRole('DRIVER')")
class DriversController {

    private final ManagingDrivers drivers;
    private final TransactionTemplate transactions;

    DriversController(ManagingDrivers drivers, TransactionTemplate transactions) {
        this.drivers = drivers;
        this.transactions = transactions;
    }

    @GetMapping
    DriverView me(@AuthenticationPrincipal Jwt token) {
        DriverId id = driverOf(token);
        return DriverView.of(inTransaction(() -> drivers.profile(id)));
    }

    @PutMapping("/vehicle")
    DriverView.VehicleView registerVehicle(@AuthenticationPrincipal Jwt token, @Valid @RequestBody VehicleRequest request) {
        DriverId id = driverOf(token);
        Vehicle vehicle = vehicleOf(request);
        try {
            DriverProfile profile = inTransaction(() -> drivers.registerVehicle(id, vehicle));
            return DriverView.VehicleView.of(profile.currentVehicle().orElseThrow());
        } catch (VehicleLockedDuringShift e) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Driver is online",
                    "The vehicle can only be changed between shifts; go offline first");
        }
    }

    @PostMapping("/online")
    DriverView goOnline(@AuthenticationPrincipal Jwt token) {
        DriverId id = driverOf(token);
        try {
            return DriverView.of(inTransaction(() -> drivers.goOnline(id)));
        } catch (VehicleRequired e) {
            throw new ProblemException(HttpStatus.CONFLICT, Problems.CONFLICT, "Vehicle required",
                    "Register a vehicle before going online");
        }
    }

    @PostMapping("/offline")
    DriverView goOffline(@AuthenticationPrincipal Jwt token) {
        DriverId id = driverOf(token);
        return DriverView.of(inTransaction(() -> drivers.goOffline(id)));
    }

    /** The request passed its annotations; what is left is a plate that is too short once its spaces are trimmed. */
    private static Vehicle vehicleOf(VehicleRequest request) {
        if (!Vehicle.isPlate(request.plate())) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Validation failed",
                    "The request is not valid",
                    Map.of("errors", List.of(Map.of("field", "plate", "message", "is not a licence plate"))));
        }
        return new Vehicle(request.plate(), request.model(), VehicleClass.valueOf(request.vehicleClass()));
    }

    private DriverProfile inTransaction(Supplier<DriverProfile> work) {
        return transactions.execute(status -> work.get());
    }

    private static DriverId driverOf(Jwt token) {
        try {
            return DriverId.of(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                    "The token does not name an account.");
        }
    }
}
