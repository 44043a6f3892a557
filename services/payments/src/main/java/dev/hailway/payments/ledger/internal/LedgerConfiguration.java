package dev.hailway.payments.ledger.internal;

import dev.hailway.payments.ledger.Commission;
import dev.hailway.payments.ledger.Ledger;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    /** {@code hailway.payments.commission-rate}: the platform's share of every fare and fee, e.g. 0.20. */
    @ConfigurationProperties("hailway.payments")
    record CommissionSettings(@DefaultValue("0.20") BigDecimal commissionRate) {
    }

    @Bean
    Ledger ledger(JdbcClient jdbc) {
        return new JdbcLedger(jdbc);
    }

    @Bean
    Commission commission(CommissionSettings settings) {
        return new Commission(settings.commissionRate());
    }
}
