package dev.hailway.trips.saga.internal;

import dev.hailway.dispatch.api.DispatchTopics;
import dev.hailway.payments.api.PaymentTopics;
import dev.hailway.platform.events.HailwayEventsProperties;
import dev.hailway.platform.events.Inbox;
import dev.hailway.trips.saga.RideSaga;
import dev.hailway.trips.trip.ChangingTrips;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class SagaConfiguration {

    @Bean
    RideSaga rideSaga(ChangingTrips trips) {
        return new RideSaga(trips);
    }

    @Bean
    SagaListeners sagaListeners(RideSaga saga, Inbox inbox, ObjectMapper mapper) {
        return new SagaListeners(saga, inbox, mapper);
    }

    /**
     * The topics the saga listens to, created if trips starts before their owners: a consumer subscribed to a
     * missing topic only notices it at its next metadata refresh, minutes later. Same partitions as the owners
     * use, so creating them first changes nothing.
     */
    @Bean
    KafkaAdmin.NewTopics sagaTopics(HailwayEventsProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(PaymentTopics.PAYMENTS).partitions(properties.partitions()).build(),
                TopicBuilder.name(DispatchTopics.OFFERS).partitions(properties.partitions()).build());
    }
}
