package dev.hailway.platform.events;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

import dev.hailway.platform.events.internal.OutboundEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishes a domain event through the outbox: the publication is stored in the same database transaction as
 * the state change (Spring Modulith's event publication registry) and sent to Kafka after the commit, with
 * the aggregate id as record key. A rollback discards it; a failed send is retried until it succeeds.
 *
 * <pre>{@code
 * @Transactional
 * public AccountId register(Registration registration) {
 *     var account = accounts.save(Account.register(registration));
 *     events.publish(IdentityTopics.ACCOUNTS, account.id().toString(), new AccountRegistered(...));
 *     return account.id();
 * }
 * }</pre>
 */
public class Events {

    private final ApplicationEventPublisher publisher;
    private final ObjectMapper mapper;
    private final Supplier<@Nullable String> traceparent;
    private final Clock clock;

    public Events(ApplicationEventPublisher publisher, ObjectMapper mapper, Supplier<@Nullable String> traceparent,
                  Clock clock) {
        this.publisher = publisher;
        this.mapper = mapper;
        this.traceparent = traceparent;
        this.clock = clock;
    }

    /**
     * Wraps {@code event} in an {@link EventEnvelope} and hands it to the outbox for {@code topic}.
     *
     * @throws IllegalStateException outside a transaction: without one there is nothing to tie the event to,
     *                               and it would silently never be sent
     */
    public EventEnvelope publish(String topic, String aggregateId, Object event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Events.publish needs an active transaction: the event is stored with the state change that caused it");
        }
        EventEnvelope envelope = EventEnvelope.wrap(aggregateId, event, clock.instant(),
                traceparent.get(), mapper);
        publisher.publishEvent(new OutboundEvent(topic, envelope));
        return envelope;
    }
}
