package dev.hailway.pricing.surge.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.hailway.pricing.surge.Cell;
import dev.hailway.pricing.surge.Cells;
import dev.hailway.pricing.surge.MarketSignals;
import dev.hailway.pricing.surge.SurgePolicy;
import dev.hailway.pricing.surge.SurgeRecalculation;
import dev.hailway.platform.events.Inbox;
import java.math.BigDecimal;
import java.time.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class SurgeConfiguration {

    @Bean
    JdbcSurgeBoard surgeBoard(JdbcClient jdbc) {
        return new JdbcSurgeBoard(jdbc);
    }

    @Bean
    Cells cells() {
        return new H3Cells();
    }

    @Bean
    CachedSurges surges(JdbcSurgeBoard board, SurgeSettings settings, MeterRegistry meters) {
        LoadingCache<Cell, BigDecimal> cache = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(settings.interval())
                .recordStats()
                .build(board::multiplierAt);
        CaffeineCacheMetrics.monitor(meters, cache, "surgeCells");
        return new CachedSurges(cache);
    }

    @Bean
    SurgePolicy surgePolicy(SurgeSettings settings) {
        return new SurgePolicy(settings.sensitivity(), settings.smoothing(), BigDecimal.ONE, settings.ceiling());
    }

    @Bean
    SurgeRecalculation surgeRecalculation(JdbcSurgeBoard board, SurgePolicy policy, SurgeSettings settings, Clock clock) {
        return new SurgeRecalculation(board, policy, settings.demandWindow(), settings.supplyWindow(), clock);
    }

    @Bean
    SurgeSchedule surgeSchedule(SurgeRecalculation recalculation, CachedSurges surges,
                                TransactionOperations transactions) {
        return new SurgeSchedule(recalculation, surges, transactions);
    }

    @Bean
    PositionInboxPruning positionInboxPruning(JdbcClient jdbc) {
        return new PositionInboxPruning(jdbc);
    }

    @Bean
    MarketListeners marketListeners(MarketSignals signals, Cells cells, Inbox inbox,
                                    ObjectMapper mapper) {
        return new MarketListeners(signals, cells, inbox, mapper);
    }
}
