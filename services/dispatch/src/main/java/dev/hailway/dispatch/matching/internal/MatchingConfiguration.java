package dev.hailway.dispatch.matching.internal;

import java.net.http.HttpClient;
import java.time.Clock;

import dev.hailway.dispatch.matching.CandidateFinder;
import dev.hailway.dispatch.matching.DispatchEvents;
import dev.hailway.dispatch.matching.DispatchMetrics;
import dev.hailway.dispatch.matching.Dispatches;
import dev.hailway.dispatch.matching.Matching;
import dev.hailway.dispatch.matching.MatchingRules;
import dev.hailway.dispatch.matching.Transactions;
import dev.hailway.platform.events.Events;
import dev.hailway.platform.events.Inbox;
import dev.hailway.platform.web.ServiceTokens;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    @Bean
    Dispatches dispatches(JdbcClient jdbc) {
        return new JdbcDispatches(jdbc);
    }

    @Bean
    DispatchEvents dispatchEvents(Events events) {
        return new OutboxDispatchEvents(events);
    }

    @Bean
    DispatchMetrics dispatchMetrics(MeterRegistry registry) {
        return new MicrometerDispatchMetrics(registry);
    }

    @Bean
    MatchingRules matchingRules(DispatchSettings settings) {
        return new MatchingRules(settings.offerTimeout(), settings.maxRefusals(), settings.deadline(),
                settings.retryEvery());
    }

    @Bean
    Matching matching(Dispatches dispatches, CandidateFinder candidates, DispatchEvents events,
                      DispatchMetrics metrics, PlatformTransactionManager transactionManager, MatchingRules rules,
                      Clock clock) {
        Transactions transactions = new TemplateTransactions(new TransactionTemplate(transactionManager));
        return new Matching(dispatches, candidates, events, metrics, transactions, rules, clock);
    }

    @Bean
    MatchingRunner matchingRunner(Matching matching) {
        return new MatchingRunner(matching);
    }

    @Bean
    TripsListener tripsListener(Inbox inbox, Matching matching, MatchingRunner runner, ObjectMapper mapper) {
        return new TripsListener(inbox, matching, runner, mapper);
    }

    /** The sweep: DB-driven, so offers expire and attempts resume after a restart too. */
    @Bean
    SchedulingConfigurer dispatchSweep(MatchingRunner runner, DispatchSettings settings) {
        return (ScheduledTaskRegistrar registrar) -> registrar.addFixedDelayTask(runner::sweep,
                settings.sweepInterval());
    }

    @Bean
    CircuitBreaker locationCircuitBreaker(DispatchSettings settings, MeterRegistry registry) {
        DispatchSettings.Location location = settings.location();
        CircuitBreaker breaker = CircuitBreaker.of("location", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(location.window())
                .minimumNumberOfCalls(Math.min(location.window(), 4))
                .failureRateThreshold(location.failureRate())
                .waitDurationInOpenState(location.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        Gauge.builder("dispatch.location.circuit.open", breaker,
                        b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0)
                .description("1 while calls to location are short-circuited").register(registry);
        return breaker;
    }

    @Bean
    CandidateFinder candidateFinder(RestClient.Builder builder, ServiceTokens serviceTokens, DispatchSettings settings,
                                    CircuitBreaker locationCircuitBreaker) {
        DispatchSettings.Location location = settings.location();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(location.timeout()).build());
        requests.setReadTimeout(location.timeout());
        // location's /internal/** answers only SERVICE tokens: dispatch cannot match without its credentials, so a
        // missing ServiceTokens bean stops the start here instead of failing every call later.
        RestClient client = builder.clone().baseUrl(location.url().toString()).requestFactory(requests)
                .requestInterceptor(serviceTokens.interceptor()).build();
        Retry retry = Retry.of("location", RetryConfig.custom()
                .maxAttempts(location.retries() + 1)
                // Jittered (±50 %), so that the dispatchers of many trips that failed together do not retry together.
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(location.backoff(), 2, 0.5))
                // An open breaker answers at once and will not close within the backoff: no use retrying.
                .ignoreExceptions(CallNotPermittedException.class)
                .build());
        return new LocationCandidates(client, location, locationCircuitBreaker, retry);
    }
}
