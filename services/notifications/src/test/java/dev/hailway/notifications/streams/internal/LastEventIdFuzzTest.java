package dev.hailway.notifications.streams.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hailway.notifications.streams.LiveStreams;
import dev.hailway.notifications.streams.RecentNotifications;
import dev.hailway.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * {@code Last-Event-ID} is a header any client sets to anything (EventSource sends back the last id it saw): the
 * stream opens, resuming or resyncing, or the request is a 400 naming the header; nothing else escapes to become a
 * 500. Replays {@code LastEventIdFuzzTestInputs/} in the build; fuzzes with {@code JAZZER_FUZZ=1}.
 */
class LastEventIdFuzzTest {

    private static final StreamSettings SETTINGS = new StreamSettings(3, Duration.ofSeconds(15), Duration.ofMinutes(30),
            Duration.ofMinutes(5), 50);

    @FuzzTest(maxDuration = "30s")
    void anyLastEventIdOpensTheStreamOrIsABadRequestNamingTheHeader(byte[] header) throws IOException {
        // Header values reach the controller decoded as ISO-8859-1, one char per byte.
        String lastEventId = new String(header, StandardCharsets.ISO_8859_1);
        // A controller of its own per input: the streams it opens are never closed here.
        StreamController controller = new StreamController(
                new LiveStreams(SETTINGS.maxStreamsPerAccount(), new RecentNotifications(SETTINGS.resumeDepth(), SETTINGS.resumeWindow()),
                        Clock.systemUTC()),
                SETTINGS);
        Jwt rider = Jwt.withTokenValue("token").header("alg", "RS256").subject(UUID.randomUUID().toString()).build();

        try {
            assertThat(controller.stream(rider, lastEventId)).isNotNull();
        } catch (ProblemException refused) {
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.properties().toString()).contains("Last-Event-ID");
        }
    }
}
