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
    /**
     * A cursor holds a trip's {@code updatedAt}, never outside these years. Java parses instants up to the year
     * 1000000000, but PostgreSQL stores none past 294276 and OffsetDateTime none past 999999999: a made-up cursor
     * beyond them failed the query, a 500 instead of this 400 (found by ListCursorsFuzzTest).
     */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

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
            Instant updatedAt = Instant.parse(parts[0]);
            if (updatedAt.isBefore(EARLIEST) || updatedAt.isAfter(LATEST)) {
                throw invalid();
            }
            UUID tripId = UUID.fromString(parts[1]);
            // UUID.fromString takes "1-1-1-1-1" too; a cursor this list gave out holds the canonical form only
            // (found by FuzzingTheApiIT).
            if (!tripId.toString().equals(parts[1])) {
                throw invalid();
            }
            return new ListPosition(updatedAt, new TripId(tripId));
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
