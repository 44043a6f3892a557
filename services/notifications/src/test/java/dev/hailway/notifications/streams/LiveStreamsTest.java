package dev.hailway.notifications.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.hailway.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LiveStreamsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T08:00:00Z"));
    final LiveStreams streams = new LiveStreams(2, new RecentNotifications(3, Duration.ofMinutes(5)), clock);
    final UUID alice = UUID.randomUUID();
    final UUID bob = UUID.randomUUID();

    @Test
    void deliversToEveryStreamOfTheRecipientAndNoOneElse() {
        var phone = new RecordingStream();
        var laptop = new RecordingStream();
        var bobs = new RecordingStream();
        streams.open(alice, phone);
        streams.open(alice, laptop);
        streams.open(bob, bobs);

        Notification forAlice = notification(alice);
        streams.deliver(List.of(forAlice));

        assertThat(phone.received).containsExactly(forAlice);
        assertThat(laptop.received).containsExactly(forAlice);
        assertThat(bobs.received).isEmpty();
    }

    @Test
    void aClientThatComesBackGetsWhatItMissedThenWhatFollows() throws Exception {
        var before = new RecordingStream();
        streams.open(alice, before);
        Notification seen = notification(alice);
        streams.deliver(List.of(seen));
        streams.remove(alice, before);
        Notification missed = notification(alice);
        Notification forBob = notification(bob);
        streams.deliver(List.of(missed, forBob));

        var back = new RecordingStream();
        boolean resumed = streams.resume(alice, back, seen.id());
        Notification next = notification(alice);
        streams.deliver(List.of(next));

        assertThat(resumed).isTrue();
        assertThat(back.received).containsExactly(missed, next);
        assertThat(back.resyncs).isZero();
    }

    @Test
    void aClientWhoseLastEventIsNoLongerKeptIsToldToReload() throws Exception {
        Notification old = notification(alice);
        streams.deliver(List.of(old));
        clock.advance(Duration.ofMinutes(6));
        var tooLate = new RecordingStream();
        Notification pushedOut = notification(bob);
        streams.deliver(List.of(pushedOut, notification(bob), notification(bob), notification(bob)));
        var bobBack = new RecordingStream();
        var unknown = new RecordingStream();

        assertThat(streams.resume(alice, tooLate, old.id())).isFalse();
        assertThat(streams.resume(bob, bobBack, pushedOut.id())).as("only the last 3 are kept").isFalse();
        assertThat(streams.resume(alice, unknown, UUID.randomUUID())).isFalse();

        assertThat(tooLate.received).isEmpty();
        assertThat(tooLate.resyncs).isEqualTo(1);
        assertThat(bobBack.resyncs).isEqualTo(1);
        assertThat(unknown.resyncs).isEqualTo(1);
        assertThat(streams.openStreams(alice)).as("the stream stays open for what follows").isEqualTo(2);
    }

    @Test
    void closingAllEndsEveryStreamSoThatShutdownNeedNotWait() {
        var phone = new RecordingStream();
        var bobs = new RecordingStream();
        streams.open(alice, phone);
        streams.open(bob, bobs);

        streams.closeAll();

        assertThat(phone.closed).isTrue();
        assertThat(bobs.closed).isTrue();
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void refusesAStreamBeyondTheLimitPerAccount() {
        streams.open(alice, new RecordingStream());
        streams.open(alice, new RecordingStream());

        assertThatThrownBy(() -> streams.open(alice, new RecordingStream())).isInstanceOf(TooManyStreams.class);
        streams.open(bob, new RecordingStream());
        assertThat(streams.openStreams(alice)).isEqualTo(2);
    }

    @Test
    void aClosedStreamFreesItsPlace() {
        var first = new RecordingStream();
        streams.open(alice, first);
        streams.open(alice, new RecordingStream());

        streams.remove(alice, first);
        streams.remove(alice, first);

        streams.open(alice, new RecordingStream());
        assertThat(streams.openStreams(alice)).isEqualTo(2);
    }

    @Test
    void aStreamThatFailsToSendIsDroppedAndClosed() {
        var broken = new RecordingStream();
        broken.failing = true;
        var healthy = new RecordingStream();
        streams.open(alice, broken);
        streams.open(alice, healthy);

        streams.deliver(List.of(notification(alice)));

        assertThat(broken.closed).isTrue();
        assertThat(healthy.received).hasSize(1);
        assertThat(streams.openStreams(alice)).isEqualTo(1);
    }

    @Test
    void heartbeatsReachEveryStreamAndFindTheDeadOnes() {
        var alive = new RecordingStream();
        var gone = new RecordingStream();
        gone.failing = true;
        streams.open(alice, alive);
        streams.open(bob, gone);

        streams.heartbeat();

        assertThat(alive.heartbeats).isEqualTo(1);
        assertThat(gone.closed).isTrue();
        assertThat(streams.openStreams()).isEqualTo(1);
        assertThat(streams.openStreams(bob)).isZero();
    }

    private static Notification notification(UUID recipient) {
        return new Notification(recipient, UUID.randomUUID(), "TripStarted", Map.of("status", "IN_PROGRESS"));
    }

    static final class RecordingStream implements LiveStream {
        final List<Notification> received = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile boolean closed;
        volatile int heartbeats;
        volatile int resyncs;

        @Override
        public void send(Notification notification) throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            received.add(notification);
        }

        @Override
        public void heartbeat() throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            heartbeats++;
        }

        @Override
        public void resync() throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            resyncs++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
