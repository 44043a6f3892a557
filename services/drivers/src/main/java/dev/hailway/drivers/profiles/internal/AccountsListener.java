package dev.hailway.drivers.profiles.internal;

import dev.hailway.drivers.profiles.DriverId;
import dev.hailway.drivers.profiles.ManagingDrivers;
import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.IdentityTopics;
import dev.hailway.identity.api.Role;
import dev.hailway.platform.events.EventEnvelope;
import dev.hailway.platform.events.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import tools.jackson.databind.ObjectMapper;

/** A driver account registered at identity gets its profile, unless the driver's first call made it already. */
class AccountsListener {

    private final Inbox inbox;
    private final ManagingDrivers drivers;
    private final ObjectMapper mapper;

    AccountsListener(Inbox inbox, ManagingDrivers drivers, ObjectMapper mapper) {
        this.inbox = inbox;
        this.drivers = drivers;
        this.mapper = mapper;
    }

    @KafkaListener(id = "drivers-accounts", topics = IdentityTopics.ACCOUNTS)
    void on(EventEnvelope envelope) {
        if (!envelope.carries(AccountRegistered.class)) {
            return;
        }
        inbox.apply(envelope, () -> {
            AccountRegistered registered = envelope.payloadAs(AccountRegistered.class, mapper);
            if (registered.role() == Role.DRIVER) {
                drivers.signUp(new DriverId(registered.accountId()), registered.registeredAt());
            }
        });
    }
}
