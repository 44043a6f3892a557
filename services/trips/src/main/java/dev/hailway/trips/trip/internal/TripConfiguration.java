package dev.hailway.trips.trip.internal;

import dev.hailway.platform.events.Events;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.TripEvents;
import dev.hailway.trips.trip.TripMetrics;
import dev.hailway.trips.trip.Trips;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class TripConfiguration {

    @Bean
    Trips trips(JdbcClient jdbc) {
        return new JdbcTrips(jdbc);
    }

    @Bean
    TripEvents tripEvents(Events events) {
        return new OutboxTripEvents(events);
    }

    @Bean
    MicrometerTripMetrics tripMetrics(MeterRegistry registry) {
        return new MicrometerTripMetrics(registry);
    }

    @Bean
    ChangingTrips changingTrips(Trips trips, TripEvents events, TripMetrics metrics, Clock clock) {
        return new ChangingTrips(trips, events, metrics, clock);
    }
}
