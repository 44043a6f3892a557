package dev.hailway.pricing.fares;

import dev.hailway.drivers.api.VehicleClass;
import java.util.List;
import java.util.Optional;

/** The fare rule of each vehicle class. */
public interface FareRules {

    Optional<FareRule> of(VehicleClass vehicleClass);

    List<FareRule> all();

    /** Replaces the rule of its vehicle class; quotes issued afterwards use it. */
    void replace(FareRule rule);
}
