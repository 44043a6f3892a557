package dev.hailway.platform.web.internal;

import dev.hailway.platform.web.HailwayWebProperties;
import dev.hailway.platform.web.IdempotentRequests;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Idempotency keys, for services with a database (the table comes from {@code db/platform/V0_3}, in each service's own
 * database), and their pruning.
 */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(HailwayWebProperties.class)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore hailwayIdempotencyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                                             HailwayWebProperties properties) {
        return new IdempotencyStore(jdbc, transactionManager, properties.idempotency().inFlightTimeout(),
                properties.idempotency().retention());
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyPruning hailwayIdempotencyPruning(IdempotencyStore store, HailwayWebProperties properties) {
        return new IdempotencyPruning(store, properties.idempotency().pruneEvery());
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentRequests hailwayIdempotentRequests(IdempotencyStore store, ObjectMapper mapper) {
        return new IdempotentRequests(store, mapper);
    }
}
