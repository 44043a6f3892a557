package dev.hailway.history;

import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/**
 * The hot queries' caches and their eviction. Keys start with the account id they belong to, so that an event
 * evicts exactly the entries of the rider or driver whose rows it changed; statistics span every row, so any
 * change evicts them.
 */
@Component
public class HistoryCaches {

    public static final String RIDER_TRIPS = "rider-trips";
    public static final String DRIVER_EARNINGS = "driver-earnings";
    public static final String OPS_STATS = "ops-stats";

    private final CacheManager caches;

    public HistoryCaches(CacheManager caches) {
        this.caches = caches;
    }

    public void evictRider(UUID riderId) {
        evictWhere(RIDER_TRIPS, key -> key.toString().startsWith(riderId + ":"));
    }

    public void evictDriver(UUID driverId) {
        evictWhere(DRIVER_EARNINGS, key -> key.toString().startsWith(driverId + ":"));
    }

    public void evictStats() {
        clear(OPS_STATS);
    }

    public void clearAll() {
        clear(RIDER_TRIPS);
        clear(DRIVER_EARNINGS);
        clear(OPS_STATS);
    }

    private void evictWhere(String name, Predicate<Object> matching) {
        Cache cache = caches.getCache(name);
        if (cache != null && cache.getNativeCache() instanceof com.github.benmanes.caffeine.cache.Cache<?, ?> caffeine) {
            caffeine.asMap().keySet().removeIf(matching);
        } else if (cache != null) {
            cache.clear();
        }
    }

    private void clear(String name) {
        Cache cache = caches.getCache(name);
        if (cache != null) {
            cache.clear();
        }
    }
}
