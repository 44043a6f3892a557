package dev.hailway.trips.riding.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import dev.hailway.trips.trip.ListPosition;
import dev.hailway.trips.trip.TripId;
import org.springframework.http.HttpStatus;

/**
 * The list cursor as clients see it: opaque (base64url of {@code updatedAt|tripId}), so that what it holds can change
 * without breaking anyone; anything that does not decode is a 400 naming {@code cursor}.
 */
final class ListCursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private ListCursors() {
    }

    static String encode(ListPosition position) {
        return ENCODER.encodeToString((position.updatedAt() + "|" + position.id().value())
                .getBytes(StandardCharsets.UTF_8));
    }

    static ListPosition decode(String cursor) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                throw invalid();
            }
            return new ListPosition(Instant.parse(parts[0]), new TripId(UUID.fromString(parts[1])));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Validation failed",
                "cursor is not one this list gave out",
                Map.of("errors", List.of(Map.of("field", "cursor", "message", "is not a cursor of this list"))));
    }
}
