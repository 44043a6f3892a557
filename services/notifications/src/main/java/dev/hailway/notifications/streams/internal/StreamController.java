package dev.hailway.notifications.streams.internal;

import java.io.IOException;
import java.util.UUID;

import dev.hailway.notifications.streams.LiveStreams;
import dev.hailway.notifications.streams.TooManyStreams;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/notifications/stream}: the caller's trip changes and offers, as they happen. No replay:
 * {@code Last-Event-ID} is not honoured, a client that reconnects reads the current state from trips or offers.
 */
@RestController
class StreamController {

    private final LiveStreams streams;
    private final StreamSettings settings;

    StreamController(LiveStreams streams, StreamSettings settings) {
        this.streams = streams;
        this.settings = settings;
    }

    @GetMapping(path = "/api/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt) throws IOException {
        UUID account = accountOf(jwt);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        SseLiveStream stream = new SseLiveStream(emitter);
        try {
            streams.open(account, stream);
        } catch (TooManyStreams e) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, Problems.RATE_LIMITED, "Too many streams",
                    "This account already has " + settings.maxStreamsPerAccount() + " open streams");
        }
        emitter.onCompletion(() -> streams.remove(account, stream));
        emitter.onTimeout(() -> streams.remove(account, stream));
        emitter.onError(error -> streams.remove(account, stream));
        // A first comment commits the response, so the client knows at once that the stream is open.
        stream.heartbeat();
        return emitter;
    }

    private static UUID accountOf(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            // Service tokens (sub "service:<name>") have no trips and no offers to hear about.
            throw new ProblemException(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden",
                    "Only rider and driver accounts have a notification stream");
        }
    }
}
