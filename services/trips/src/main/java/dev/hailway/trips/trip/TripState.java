package dev.hailway.trips.trip;

import dev.hailway.common.api.Money;
import dev.hailway.trips.api.CancellationReason;
import dev.hailway.trips.api.TripStatus;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a trip is, with what that stage knows: a driver exists from assignment on, a fee only on a cancellation.
 * {@link Paid} and {@link Cancelled} are terminal.
 */
public sealed interface TripState {

    TripStatus status();

    /** The assigned driver, if the trip got that far. */
    default @Nullable DriverId driver() {
        return switch (this) {
            case Requested r -> null;
            case PaymentAuthorized p -> null;
            case DriverAssigned d -> d.driverId();
            case DriverArrived d -> d.driverId();
            case InProgress i -> i.driverId();
            case Completed c -> c.driverId();
            case Paid p -> p.driverId();
            case Cancelled c -> c.driverId();
        };
    }

    record Requested() implements TripState {
        public TripStatus status() {
            return TripStatus.REQUESTED;
        }
    }

    record PaymentAuthorized(UUID authorizationId) implements TripState {
        public PaymentAuthorized {
            Objects.requireNonNull(authorizationId, "authorizationId");
        }

        public TripStatus status() {
            return TripStatus.PAYMENT_AUTHORIZED;
        }
    }

    record DriverAssigned(DriverId driverId) implements TripState {
        public DriverAssigned {
            Objects.requireNonNull(driverId, "driverId");
        }

        public TripStatus status() {
            return TripStatus.DRIVER_ASSIGNED;
        }
    }

    record DriverArrived(DriverId driverId) implements TripState {
        public DriverArrived {
            Objects.requireNonNull(driverId, "driverId");
        }

        public TripStatus status() {
            return TripStatus.DRIVER_ARRIVED;
        }
    }

    record InProgress(DriverId driverId) implements TripState {
        public InProgress {
            Objects.requireNonNull(driverId, "driverId");
        }

        public TripStatus status() {
            return TripStatus.IN_PROGRESS;
        }
    }

    record Completed(DriverId driverId) implements TripState {
        public Completed {
            Objects.requireNonNull(driverId, "driverId");
        }

        public TripStatus status() {
            return TripStatus.COMPLETED;
        }
    }

    record Paid(DriverId driverId, Money driverEarnings) implements TripState {
        public Paid {
            Objects.requireNonNull(driverId, "driverId");
            Objects.requireNonNull(driverEarnings, "driverEarnings");
        }

        public TripStatus status() {
            return TripStatus.PAID;
        }
    }

    /** {@code cancelledIn} is the status the trip was in; {@code driverId} is null when none was assigned yet. */
    record Cancelled(CancellationReason reason, TripStatus cancelledIn, @Nullable DriverId driverId, Money fee)
            implements TripState {
        public Cancelled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cancelledIn, "cancelledIn");
            Objects.requireNonNull(fee, "fee");
        }

        public TripStatus status() {
            return TripStatus.CANCELLED;
        }
    }
}
