package dev.hailway.trips.timeouts.internal;

import dev.hailway.trips.TripsSettings;
import dev.hailway.trips.timeouts.TripTimeouts;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.TripMetrics;
import dev.hailway.trips.trip.Trips;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.support.TransactionOperations;

@Configuration(proxyBeanMethods = false)
class TimeoutsConfiguration {

    @Bean
    TripTimeouts tripTimeouts(Trips trips, ChangingTrips changing, TripMetrics metrics, TripsSettings settings) {
        return new TripTimeouts(trips, changing, metrics, settings.timeouts().deadlines());
    }

    /** Scheduled from the typed settings, so any Duration form ("5s", "PT5S") works. */
    @Bean
    SchedulingConfigurer timeoutSweepSchedule(TripTimeouts timeouts, TransactionOperations transactions,
                                              TripsSettings settings) {
        var interval = settings.timeouts().sweepInterval();
        return registrar -> registrar.addFixedDelayTask(
                new FixedDelayTask(new TimeoutSweep(timeouts, transactions), interval, interval));
    }
}
