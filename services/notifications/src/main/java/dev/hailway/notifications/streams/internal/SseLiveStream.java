package dev.hailway.notifications.streams.internal;

import java.io.IOException;
import java.util.Map;

import dev.hailway.notifications.streams.LiveStream;
import dev.hailway.notifications.streams.Notification;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A {@link LiveStream} over Server-Sent Events. */
final class SseLiveStream implements LiveStream {

    static final String RESYNC = "resync";

    private final SseEmitter emitter;

    SseLiveStream(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(Notification notification) throws IOException {
        emitter.send(SseEmitter.event()
                .id(notification.id().toString())
                .name(notification.name())
                .data(notification.data(), MediaType.APPLICATION_JSON));
    }

    @Override
    public void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("heartbeat"));
    }

    /** No {@code id}: the client keeps the last one it had. */
    @Override
    public void resync() throws IOException {
        emitter.send(SseEmitter.event().name(RESYNC)
                .data(Map.of("reason", "missed events are not kept any more; reload the current state"),
                        MediaType.APPLICATION_JSON));
    }

    @Override
    public void close() {
        emitter.complete();
    }
}
