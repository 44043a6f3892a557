package dev.hailway.notifications.streams;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The open streams of this instance, by account. In memory and per instance: every instance reads every event
 * (a consumer group of its own), so whichever instance holds a client's connection can push to it.
 */
public final class LiveStreams {

    private final Map<UUID, List<LiveStream>> byAccount = new ConcurrentHashMap<>();
    private final int maxPerAccount;

    public LiveStreams(int maxPerAccount) {
        if (maxPerAccount < 1) {
            throw new IllegalArgumentException("maxPerAccount must be at least 1, was " + maxPerAccount);
        }
        this.maxPerAccount = maxPerAccount;
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

    /** Forgets a stream (the client left, timed out or failed); closing twice is harmless. */
    public void remove(UUID account, LiveStream stream) {
        byAccount.computeIfPresent(account, (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    public void deliver(List<Notification> notifications) {
        for (Notification notification : notifications) {
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
