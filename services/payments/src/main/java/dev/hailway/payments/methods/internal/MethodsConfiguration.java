package dev.hailway.payments.methods.internal;

import dev.hailway.payments.methods.AddingPaymentMethods;
import dev.hailway.payments.methods.PaymentMethods;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class MethodsConfiguration {

    @Bean
    PaymentMethods paymentMethods(JdbcClient jdbc) {
        return new JdbcPaymentMethods(jdbc);
    }

    @Bean
    AddingPaymentMethods addingPaymentMethods(PaymentMethods methods, Clock clock) {
        return new AddingPaymentMethods(methods, clock);
    }
}
