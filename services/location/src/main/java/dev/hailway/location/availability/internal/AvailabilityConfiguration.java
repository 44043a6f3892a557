package dev.hailway.location.availability.internal;

import dev.hailway.location.availability.AvailabilityStore;
import dev.hailway.location.availability.TrackingAvailability;
import dev.hailway.location.index.DriverIndex;
import dev.hailway.platform.events.Inbox;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class AvailabilityConfiguration {

    @Bean
    AvailabilityStore availabilityStore(JdbcClient jdbc) {
        return new JdbcAvailabilityStore(jdbc);
    }

    @Bean
    TrackingAvailability trackingAvailability(AvailabilityStore store, DriverIndex index) {
        return new TrackingAvailability(store, index);
    }

    /**
     * Runs once every bean exists and before the listener containers start: the stored availability is in the
     * index before any event could change it, so the two never race.
     */
    @Bean
    SmartInitializingSingleton availabilityRestore(TrackingAvailability tracking) {
        return tracking::restore;
    }

    @Bean
    AvailabilityListeners availabilityListeners(Inbox inbox, TrackingAvailability tracking, ObjectMapper mapper) {
        return new AvailabilityListeners(inbox, tracking, mapper);
    }
}
