package dev.hailway.pricing.fares.internal;

import com.github.benmanes.caffeine.cache.Cache;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.fares.FareRule;
import dev.hailway.pricing.fares.FareRules;
import java.util.List;
import java.util.Optional;

/**
 * Every quote needs its class's rule, and the rules change rarely: read through a Caffeine cache. A change made
 * here evicts at once; another instance's change shows here when the entry expires.
 */
final class CachedFareRules implements FareRules {

    private final FareRules store;
    private final Cache<VehicleClass, FareRule> cache;

    CachedFareRules(FareRules store, Cache<VehicleClass, FareRule> cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public Optional<FareRule> of(VehicleClass vehicleClass) {
        // A missing rule is not cached (the loader returns null), so adding it later takes effect at once.
        return Optional.ofNullable(cache.get(vehicleClass, key -> store.of(key).orElse(null)));
    }

    @Override
    public List<FareRule> all() {
        return store.all();
    }

    @Override
    public void replace(FareRule rule) {
        store.replace(rule);
        cache.invalidate(rule.vehicleClass());
    }
}
