package dev.hailway.identity.login.internal;

import dev.hailway.identity.TokenSettings;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.PasswordHasher;
import dev.hailway.identity.keys.AccessTokenSigner;
import dev.hailway.identity.login.AccessTokens;
import dev.hailway.identity.login.RefreshTokenRotation;
import dev.hailway.identity.login.ServiceClients;
import dev.hailway.identity.login.ServiceSignIn;
import dev.hailway.identity.login.SigningIn;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LoginConfiguration.class);

    @Bean
    AccessTokens accessTokens(AccessTokenSigner signer, Clock clock, TokenSettings tokens) {
        return new AccessTokens(signer, clock, tokens.issuer(), tokens.audience(), tokens.accessTokenLifetime());
    }

    @Bean
    SigningIn signingIn(Accounts accounts, PasswordHasher hasher, AccessTokens accessTokens, JdbcClient jdbc,
            Clock clock, TokenSettings tokens) {
        var refreshTokens = new RefreshTokenRotation(new JdbcRefreshTokens(jdbc), clock, tokens.refreshTokenLifetime());
        return new SigningIn(accounts, hasher, accessTokens, refreshTokens);
    }

    @Bean
    ServiceSignIn serviceSignIn(ServiceClientSettings settings, AccessTokens accessTokens) {
        var clients = new ServiceClients(settings.serviceClients());
        log.info("Service clients that may get a token: {}", clients.clientIds());
        return new ServiceSignIn(clients, accessTokens);
    }
}
