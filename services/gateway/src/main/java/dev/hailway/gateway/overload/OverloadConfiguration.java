package dev.hailway.gateway.overload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hailway.gateway.problems.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class OverloadConfiguration {

    @Bean
    InFlightLimitFilter inFlightLimitFilter(OverloadProperties properties, ProblemResponses problems,
                                            MeterRegistry registry) {
        return new InFlightLimitFilter(properties, problems, registry);
    }
}
