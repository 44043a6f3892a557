package dev.hailway.trips.riding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hailway.platform.web.ProblemException;
import dev.hailway.trips.trip.ListPosition;
import dev.hailway.trips.trip.TripId;
import org.springframework.http.HttpStatus;

/**
 * The list cursor comes from the query string, so anyone can send anything as one. In the normal build these replay
 * the seeds under {@code ListCursorsFuzzTestInputs/} (and every crash a fuzzing run saved there); with
 * {@code JAZZER_FUZZ=1} they fuzz, guided by coverage.
 */
class ListCursorsFuzzTest {

    /**
     * What PostgreSQL's {@code timestamptz} and {@link OffsetDateTime} can both hold, a little narrowed: a decoded
     * position is bound into a query, so one outside it is a 500 there, not the 400 a bad cursor deserves.
     */
    private static final Instant EARLIEST_STORABLE = Instant.parse("-4712-01-01T00:00:00Z");
    private static final Instant LATEST_STORABLE = Instant.parse("+294276-12-30T00:00:00Z");

    @FuzzTest(maxDuration = "30s")
    void anyQueryStringValueIsAPositionTheStoreCanHoldOrABadRequestNamingTheCursor(byte[] input) {
        decodeOrRefuse(new String(input, StandardCharsets.UTF_8));
    }

    /** The same, past the base64: what a client that knows the format could make up. */
    @FuzzTest(maxDuration = "30s")
    void anyPayloadUnderTheBase64IsAPositionTheStoreCanHoldOrABadRequest(byte[] payload) {
        decodeOrRefuse(Base64.getUrlEncoder().withoutPadding().encodeToString(payload));
    }

    @FuzzTest(maxDuration = "10s")
    void everyPositionOfAStoredTripComesBackFromItsCursor(FuzzedDataProvider data) {
        // Any time a trip can have changed at, at the microseconds PostgreSQL keeps.
        Instant updatedAt = Instant.ofEpochSecond(
                data.consumeLong(0, Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()),
                data.consumeInt(0, 999_999) * 1_000L);
        ListPosition position = new ListPosition(updatedAt, new TripId(new UUID(data.consumeLong(), data.consumeLong())));

        assertThat(ListCursors.decode(ListCursors.encode(position))).isEqualTo(position);
    }

    private static void decodeOrRefuse(String cursor) {
        ListPosition position;
        try {
            position = ListCursors.decode(cursor);
        } catch (ProblemException refused) {
            assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.properties()).containsKey("errors");
            return;
        }
        assertThat(position.updatedAt()).isBetween(EARLIEST_STORABLE, LATEST_STORABLE);
        // What JdbcTrips binds it as.
        OffsetDateTime.ofInstant(position.updatedAt(), ZoneOffset.UTC);
    }
}
