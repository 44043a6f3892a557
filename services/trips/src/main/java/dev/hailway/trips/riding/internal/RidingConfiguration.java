package dev.hailway.trips.riding.internal;

import dev.hailway.trips.TripsSettings;
import dev.hailway.trips.riding.Riding;
import dev.hailway.trips.trip.ChangingTrips;
import dev.hailway.trips.trip.Trips;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RidingConfiguration {

    @Bean
    Riding riding(Trips trips, ChangingTrips changing, TripsSettings settings) {
        return new Riding(trips, changing, settings.cancellationFee());
    }
}
