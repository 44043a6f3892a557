package dev.hailway.identity.login.internal;

import dev.hailway.identity.TokenSettings;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.PasswordHasher;
import dev.hailway.identity.keys.AccessTokenSigner;
import dev.hailway.identity.login.AccessTokens;
import dev.hailway.identity.login.RefreshTokenRotation;
import dev.hailway.identity.login.ServiceClients;
import dev.hailway.identity.login.ServiceSignIn;
import dev.hailway.identity.login.SignInLimit;
import dev.hailway.identity.login.SignInThrottle;
import dev.hailway.identity.login.SigningIn;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.support.TransactionOperations;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LoginConfiguration.class);

    @Bean
    AccessTokens accessTokens(AccessTokenSigner signer, Clock clock, TokenSettings tokens) {
        return new AccessTokens(signer, clock, tokens.issuer(), tokens.audience(), tokens.accessTokenLifetime());
    }

    @Bean
    SignInThrottle signInThrottle(JdbcClient jdbc, TransactionOperations transactions, Clock clock,
            SignInSettings settings) {
        return new SignInThrottle(new JdbcSignInAttempts(jdbc, transactions), new SignInLimit(settings.maxFailures(),
                settings.window(), settings.firstLockout(), settings.maxLockout(), settings.forgetAfter()), clock);
    }

    @Bean
    SigningIn signingIn(Accounts accounts, PasswordHasher hasher, AccessTokens accessTokens, JdbcClient jdbc,
            Clock clock, TokenSettings tokens, SignInThrottle throttle) {
        var refreshTokens = new RefreshTokenRotation(new JdbcRefreshTokens(jdbc), clock, tokens.refreshTokenLifetime());
        return new SigningIn(accounts, hasher, accessTokens, refreshTokens, throttle);
    }

    /** Every instance prunes; one DELETE of rows past their use is safe to run on several at once. */
    @Bean
    SchedulingConfigurer signInAttemptsPruning(SignInThrottle throttle, SignInSettings settings) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(() -> {
            int forgotten = throttle.forgetQuietAddresses();
            if (forgotten > 0) {
                log.debug("Forgot the failed sign-ins of {} quiet addresses", forgotten);
            }
        }, settings.pruneEvery(), settings.pruneEvery()));
    }

    @Bean
    ServiceSignIn serviceSignIn(ServiceClientSettings settings, AccessTokens accessTokens) {
        var clients = new ServiceClients(settings.serviceClients());
        log.info("Service clients that may get a token: {}", clients.clientIds());
        return new ServiceSignIn(clients, accessTokens);
    }
}
