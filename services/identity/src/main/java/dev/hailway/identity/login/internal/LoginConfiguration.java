package dev.hailway.identity.login.internal;

import dev.hailway.identity.TokenSettings;
import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.PasswordHasher;
import dev.hailway.identity.keys.AccessTokenSigner;
import dev.hailway.identity.login.AccessTokens;
import dev.hailway.identity.login.RefreshTokenRotation;
import dev.hailway.identity.login.SigningIn;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class LoginConfiguration {

    @Bean
    SigningIn signingIn(Accounts accounts, PasswordHasher hasher, AccessTokenSigner signer, JdbcClient jdbc,
            Clock clock, TokenSettings tokens) {
        var accessTokens = new AccessTokens(signer, clock, tokens.issuer(), tokens.audience(),
                tokens.accessTokenLifetime());
        var refreshTokens = new RefreshTokenRotation(new JdbcRefreshTokens(jdbc), clock, tokens.refreshTokenLifetime());
        return new SigningIn(accounts, hasher, accessTokens, refreshTokens);
    }
}
