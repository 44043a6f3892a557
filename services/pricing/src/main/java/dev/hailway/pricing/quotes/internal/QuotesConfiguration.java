package dev.hailway.pricing.quotes.internal;

import dev.hailway.platform.events.Events;
import dev.hailway.pricing.fares.FareRules;
import dev.hailway.pricing.fares.RouteEstimator;
import dev.hailway.pricing.quotes.Quoting;
import dev.hailway.pricing.surge.Cells;
import dev.hailway.pricing.surge.MarketSignals;
import dev.hailway.pricing.surge.Surges;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.transaction.support.TransactionOperations;

@Configuration(proxyBeanMethods = false)
class QuotesConfiguration {

    @Bean
    QuoteKeyRing quoteKeyRing(JdbcClient jdbc, TransactionOperations transactions, QuoteSettings settings,
                              Clock clock) {
        return new QuoteKeyRing(jdbc, transactions, settings, clock.instant());
    }

    /** Every instance reloads the keys, so each publishes a new key before any signs with it (see QuoteKeyRing). */
    @Bean
    SchedulingConfigurer quoteKeyRotation(QuoteKeyRing keys, QuoteSettings settings, Clock clock) {
        return registrar -> registrar.addFixedDelayTask(() -> keys.refresh(clock.instant()),
                settings.keys().checkInterval());
    }

    @Bean
    Quoting quoting(FareRules fareRules, RouteEstimator routes, Cells cells, Surges surges, MarketSignals signals,
                    Events events, QuoteKeyRing keys, QuoteSettings settings, Clock clock) {
        return new Quoting(fareRules, routes, cells, surges, signals, new OutboxQuoteEvents(events),
                new NimbusQuoteSigner(keys),
                new Quoting.Limits(settings.validity(), settings.maxDistanceMeters(), settings.roundTo()), clock);
    }
}
