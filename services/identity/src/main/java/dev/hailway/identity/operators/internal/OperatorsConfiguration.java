package dev.hailway.identity.operators.internal;

import dev.hailway.identity.accounts.Accounts;
import dev.hailway.identity.accounts.RegisteringAccounts;
import dev.hailway.identity.operators.OperatorBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;

@Configuration(proxyBeanMethods = false)
class OperatorsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OperatorsConfiguration.class);

    /**
     * Before readiness, so that whoever waits for a ready identity can sign in as the operator. A bad setting stops the
     * start instead of leaving an installation nobody can administer.
     */
    @Bean
    ApplicationRunner bootstrapOperator(OperatorSettings settings, Accounts accounts, RegisteringAccounts registering,
            TransactionOperations transactions) {
        return arguments -> {
            if (!settings.isSet()) {
                return;
            }
            if (settings.password() == null) {
                throw new IllegalStateException("HAILWAY_IDENTITY_OPERATOR_PASSWORD must be set with the e-mail");
            }
            var bootstrap = new OperatorBootstrap(accounts, registering);
            if (Boolean.TRUE.equals(transactions.execute(
                    status -> bootstrap.ensureOperator(settings.email(), settings.password())))) {
                log.info("Created the bootstrap operator account");
            }
        };
    }
}
