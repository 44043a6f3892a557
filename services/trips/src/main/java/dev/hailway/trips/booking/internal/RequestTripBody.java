package dev.hailway.trips.booking.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/trips}: the signed quote as pricing issued it, and the rider's payment method. */
record RequestTripBody(@NotBlank @Size(max = 8192) String quoteId, @NotNull UUID paymentMethodId) {
}
