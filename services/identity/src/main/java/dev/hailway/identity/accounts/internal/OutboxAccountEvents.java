package dev.hailway.identity.accounts.internal;

import dev.hailway.identity.accounts.AccountEvents;
import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.IdentityTopics;
import dev.hailway.platform.events.Events;

/** Through the outbox: stored with the account in its transaction, sent to Kafka after the commit. */
final class OutboxAccountEvents implements AccountEvents {

    private final Events events;

    OutboxAccountEvents(Events events) {
        this.events = events;
    }

    @Override
    public void registered(AccountRegistered event) {
        events.publish(IdentityTopics.ACCOUNTS, event.accountId().toString(), event);
    }
}
