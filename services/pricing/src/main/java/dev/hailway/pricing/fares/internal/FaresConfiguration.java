package dev.hailway.pricing.fares.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hailway.drivers.api.VehicleClass;
import dev.hailway.pricing.fares.FareRule;
import dev.hailway.pricing.fares.FareRules;
import dev.hailway.pricing.fares.RouteEstimator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class FaresConfiguration {

    @Bean
    FareRules fareRules(JdbcClient jdbc, PricingSettings settings, MeterRegistry meters) {
        Cache<VehicleClass, FareRule> cache = Caffeine.newBuilder()
                .maximumSize(VehicleClass.values().length)
                .expireAfterWrite(settings.fareRulesTtl())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "fareRules");
        return new CachedFareRules(new JdbcFareRules(jdbc), cache);
    }

    @Bean
    RouteEstimator routeEstimator(PricingSettings settings) {
        return new RouteEstimator(settings.roadFactor(), settings.averageSpeedKmh());
    }
}
