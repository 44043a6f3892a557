package dev.hailway.pricing.surge.internal;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hailway.pricing.surge.Cell;
import dev.hailway.pricing.surge.Surges;
import java.math.BigDecimal;

/**
 * Quotes read surge per cell from a Caffeine cache that a recalculation empties; entries also expire after one
 * recalculation interval, so an instance that did not run the round catches up within one interval.
 */
final class CachedSurges implements Surges {

    private final LoadingCache<Cell, BigDecimal> cache;

    CachedSurges(LoadingCache<Cell, BigDecimal> cache) {
        this.cache = cache;
    }

    @Override
    public BigDecimal at(Cell cell) {
        return cache.get(cell);
    }

    void invalidateAll() {
        cache.invalidateAll();
    }
}
