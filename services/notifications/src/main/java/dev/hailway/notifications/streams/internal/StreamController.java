package dev.hailway.notifications.streams.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/notifications/stream}: the caller's trip changes and offers, as they happen. A client that
 * reconnects with {@code Last-Event-ID} (browsers' EventSource does) first gets what it missed, if this instance still
 * has it, or a {@code resync} event telling it to read the current state from trips or offers.
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
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) throws IOException {
        UUID account = accountOf(jwt);
        UUID resumeAfter = lastEventId == null || lastEventId.isBlank() ? null : eventId(lastEventId);
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        SseLiveStream stream = new SseLiveStream(emitter);
        try {
            if (resumeAfter == null) {
                streams.open(account, stream);
            } else {
                streams.resume(account, stream, resumeAfter);
            }
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

    /** The ids this stream sends are event ids (UUIDs); anything else was not sent by us. */
    private static UUID eventId(String lastEventId) {
        try {
            return UUID.fromString(lastEventId.strip());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Validation failed",
                    "Last-Event-ID is not an id this stream sent",
                    Map.of("errors", List.of(Map.of("field", "Last-Event-ID", "message", "is not an event id"))));
        }
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
