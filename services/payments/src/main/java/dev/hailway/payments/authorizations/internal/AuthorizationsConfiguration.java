package dev.hailway.payments.authorizations.internal;

import dev.hailway.payments.authorizations.TripPayments;
import dev.hailway.payments.ledger.Commission;
import dev.hailway.payments.ledger.Ledger;
import dev.hailway.payments.methods.PaymentMethods;
import dev.hailway.platform.events.Events;
import dev.hailway.platform.events.Inbox;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class AuthorizationsConfiguration {

    @Bean
    TripPayments tripPayments(PaymentMethods methods, JdbcClient jdbc, Ledger ledger, Commission commission,
                              Events events, Clock clock) {
        return new TripPayments(methods, new JdbcAuthorizations(jdbc), ledger, commission,
                new OutboxPaymentEvents(events), clock);
    }

    @Bean
    TripListener tripListener(TripPayments payments, Inbox inbox, ObjectMapper mapper) {
        return new TripListener(payments, inbox, mapper);
    }
}
