package dev.hailway.pricing.quotes.internal;

import dev.hailway.common.api.GeoPoint;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.quotes.QuoteRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/** {@code POST /api/quotes}; vehicleClass defaults to STANDARD. */
record QuoteRequestBody(@NotNull @Valid Point pickup, @NotNull @Valid Point dropoff,
                        @Pattern(regexp = "STANDARD|COMFORT|XL", message = "must be one of STANDARD, COMFORT, XL")
                        String vehicleClass) {

    record Point(@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
                 @NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {

        GeoPoint toGeoPoint() {
            return new GeoPoint(lat, lng);
        }
    }

    QuoteRequest toRequest(UUID riderId) {
        return new QuoteRequest(riderId, pickup.toGeoPoint(), dropoff.toGeoPoint(),
                vehicleClass == null ? VehicleClass.STANDARD : VehicleClass.valueOf(vehicleClass));
    }
}
