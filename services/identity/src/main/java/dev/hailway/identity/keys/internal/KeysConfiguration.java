package dev.hailway.identity.keys.internal;

import dev.hailway.identity.TokenSettings;
import dev.hailway.identity.keys.AccessTokenSigner;
import dev.hailway.identity.keys.KeyPairs;
import dev.hailway.identity.keys.KeyRotation;
import java.time.Clock;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.support.TransactionOperations;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    KeyRing keyRing(JdbcClient jdbc, TransactionOperations transactions, Clock clock, KeySettings keys,
            TokenSettings tokens) {
        var rotation = new KeyRotation(new JdbcSigningKeys(jdbc), KeyPairs.rsa2048(), clock, keys.rotationInterval(),
                tokens.accessTokenLifetime(), tokens.clockSkew());
        return new KeyRing(rotation, transactions, clock, keys);
    }

    @Bean
    AccessTokenSigner accessTokenSigner(KeyRing keys) {
        return new NimbusAccessTokenSigner(keys);
    }

    @Bean
    JwtDecoder jwtDecoder(KeyRing keys, TokenSettings tokens) {
        return OwnKeysJwtDecoder.create(keys, tokens);
    }

    /** Runs before the readiness probe turns ready, so a ready instance can always sign. */
    @Bean
    ApplicationRunner firstSigningKey(KeyRing keys) {
        return arguments -> keys.ensureActive();
    }

    /** Scheduled from the typed settings, so any Duration form ("24h", "PT1M") works. */
    @Bean
    SchedulingConfigurer scheduledRotation(KeyRing keys, KeySettings settings) {
        return registrar -> registrar.addFixedDelayTask(
                new FixedDelayTask(keys::rotateIfDue, settings.rotationCheckInterval(), settings.rotationCheckInterval()));
    }
}
