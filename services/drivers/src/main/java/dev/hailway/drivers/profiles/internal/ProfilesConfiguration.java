package dev.hailway.drivers.profiles.internal;

import java.time.Clock;

import dev.hailway.drivers.profiles.DriverEvents;
import dev.hailway.drivers.profiles.DriverProfiles;
import dev.hailway.drivers.profiles.ManagingDrivers;
import dev.hailway.platform.events.Events;
import dev.hailway.platform.events.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class ProfilesConfiguration {

    @Bean
    DriverProfiles driverProfiles(JdbcClient jdbc) {
        return new JdbcDriverProfiles(jdbc);
    }

    @Bean
    DriverEvents driverEvents(Events events) {
        return new OutboxDriverEvents(events);
    }

    @Bean
    ManagingDrivers managingDrivers(DriverProfiles profiles, DriverEvents events, Clock clock) {
        return new ManagingDrivers(profiles, events, clock);
    }

    @Bean
    AccountsListener accountsListener(Inbox inbox, ManagingDrivers drivers, ObjectMapper mapper) {
        return new AccountsListener(inbox, drivers, mapper);
    }
}
