package dev.hailway.platform.web.internal;

import java.time.Clock;

import dev.hailway.platform.web.ServiceClientProperties;
import dev.hailway.platform.web.ServiceTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link ServiceTokens} for a service the launcher (or a deployment) gave client credentials; without them there is
 * none, and a service that needs one fails at start rather than at its first call.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hailway.security.service", name = {"client-id", "client-secret", "token-uri"})
@EnableConfigurationProperties(ServiceClientProperties.class)
public class ServiceTokensAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens hailwayServiceTokens(ServiceClientProperties properties, ObjectProvider<Clock> clock) {
        return new ServiceTokens(properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
