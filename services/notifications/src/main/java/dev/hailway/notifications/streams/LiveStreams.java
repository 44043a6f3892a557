package dev.hailway.notifications.streams;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open streams of this instance, by account, and what each account was sent lately. In memory and per instance:
 * every instance reads every event (a consumer group of its own), so whichever instance holds a client's connection
 * can push to it, and a client that reconnects to the same instance can resume where it left off.
 */
public final class LiveStreams {

    private final Map<UUID, List<LiveStream>> byAccount = new ConcurrentHashMap<>();
    private final int maxPerAccount;
    private final RecentNotifications recent;
    private final Clock clock;

    public LiveStreams(int maxPerAccount, RecentNotifications recent, Clock clock) {
        if (maxPerAccount < 1) {
            throw new IllegalArgumentException("maxPerAccount must be at least 1, was " + maxPerAccount);
        }
        this.maxPerAccount = maxPerAccount;
        this.recent = recent;
        this.clock = clock;
    }

    /** @throws TooManyStreams when the account already has its maximum of open streams */
    public void open(UUID account, LiveStream stream) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(stream, "stream");
        // compute() serialises opens of one account, so two concurrent opens cannot both pass the limit.
        byAccount.compute(account, (id, streams) -> {
            List<LiveStream> current = streams == null ? new CopyOnWriteArrayList<>() : streams;
            if (current.size() >= maxPerAccount) {
                throw new TooManyStreams(account, maxPerAccount);
            }
            current.add(stream);
            return current;
        });
    }

    /**
     * Opens a stream for a client that comes back ({@code Last-Event-ID}): it first gets what it missed, then what
     * happens next, with nothing lost or repeated in between (delivery waits meanwhile); if what it missed is not
     * kept here any more, a resync request instead, so it reloads the current state.
     *
     * @return whether the missed notifications could be replayed
     * @throws TooManyStreams when the account already has its maximum of open streams
     */
    public synchronized boolean resume(UUID account, LiveStream stream, UUID lastEventId) throws IOException {
        open(account, stream);
        Optional<List<Notification>> missed = recent.after(account, lastEventId, clock.instant());
        try {
            if (missed.isEmpty()) {
                stream.resync();
                return false;
            }
            for (Notification notification : missed.get()) {
                stream.send(notification);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            drop(account, stream);
            throw e;
        }
    }

    /** Forgets a stream (the client left, timed out or failed); closing twice is harmless. */
    public void remove(UUID account, LiveStream stream) {
        byAccount.computeIfPresent(account, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    /** Sends each notification to its recipient's open streams, and keeps it for a client that comes back. */
    public synchronized void deliver(List<Notification> notifications) {
        Instant now = clock.instant();
        for (Notification notification : notifications) {
            recent.remember(notification, now);
            List<LiveStream> streams = byAccount.get(notification.recipient());
            if (streams == null) {
                continue;
            }
            for (LiveStream stream : streams) {
                try {
                    stream.send(notification);
                } catch (IOException | RuntimeException e) {
                    drop(notification.recipient(), stream);
                }
            }
        }
    }

    public void heartbeat() {
        synchronized (this) {
            recent.forgetOlderThan(clock.instant());
        }
        byAccount.forEach((account, streams) -> {
            for (LiveStream stream : streams) {
                try {
                    stream.heartbeat();
                } catch (IOException | RuntimeException e) {
                    drop(account, stream);
                }
            }
        });
    }

    /**
     * Ends every stream (the instance is stopping): a stream never ends by itself, so graceful shutdown would
     * otherwise wait its whole timeout for them. Clients reconnect, with their last event id, to another instance.
     */
    public void closeAll() {
        byAccount.forEach((account, streams) -> streams.forEach(stream -> drop(account, stream)));
    }

    public int openStreams(UUID account) {
        List<LiveStream> streams = byAccount.get(account);
        return streams == null ? 0 : streams.size();
    }

    public int openStreams() {
        return byAccount.values().stream().mapToInt(List::size).sum();
    }

    private void drop(UUID account, LiveStream stream) {
        remove(account, stream);
        stream.close();
    }
}
