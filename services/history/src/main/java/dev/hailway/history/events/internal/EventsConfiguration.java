package dev.hailway.history.events.internal;

import dev.hailway.history.earnings.DriverEarnings;
import dev.hailway.history.events.Projector;
import dev.hailway.history.stats.PickupCells;
import dev.hailway.history.stats.Statistics;
import dev.hailway.history.trips.RiderTrips;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    Projector projector(RiderTrips trips, DriverEarnings earnings, Statistics statistics, PickupCells cells) {
        return new Projector(trips, earnings, statistics, cells);
    }
}
