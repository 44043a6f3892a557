package dev.hailway.notifications.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What each account was sent lately, so that a client that reconnects with {@code Last-Event-ID} gets what it missed
 * while it was away. Bounded twice: at most {@code perAccount} notifications per account, none older than
 * {@code retention}. Not thread-safe: {@link LiveStreams} guards it.
 */
public final class RecentNotifications {

    private record Sent(Notification notification, Instant at) {
    }

    private final Map<UUID, Deque<Sent>> byAccount = new HashMap<>();
    private final int perAccount;
    private final Duration retention;

    public RecentNotifications(int perAccount, Duration retention) {
        if (perAccount < 1 || !retention.isPositive()) {
            throw new IllegalArgumentException("keep at least one notification for some time");
        }
        this.perAccount = perAccount;
        this.retention = retention;
    }

    void remember(Notification notification, Instant now) {
        Deque<Sent> sent = byAccount.computeIfAbsent(notification.recipient(), account -> new ArrayDeque<>());
        sent.addLast(new Sent(notification, now));
        while (sent.size() > perAccount) {
            sent.removeFirst();
        }
    }

    /**
     * The account's notifications after the one with {@code lastEventId}, oldest first; empty when that one is not
     * kept any more (too old, pushed out, or sent by another instance), so the client has to reload instead.
     */
    Optional<List<Notification>> after(UUID account, UUID lastEventId, Instant now) {
        forgetOlderThan(now);
        Deque<Sent> sent = byAccount.get(account);
        if (sent == null) {
            return Optional.empty();
        }
        List<Notification> missed = new ArrayList<>();
        boolean found = false;
        for (Sent each : sent) {
            if (found) {
                missed.add(each.notification());
            } else if (each.notification().id().equals(lastEventId)) {
                found = true;
            }
        }
        return found ? Optional.of(missed) : Optional.empty();
    }

    void forgetOlderThan(Instant now) {
        Instant cutoff = now.minus(retention);
        byAccount.values().forEach(sent -> {
            while (!sent.isEmpty() && sent.peekFirst().at().isBefore(cutoff)) {
                sent.removeFirst();
            }
        });
        byAccount.values().removeIf(Deque::isEmpty);
    }

    int accounts() {
        return byAccount.size();
    }
}
