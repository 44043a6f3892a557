package dev.hailway.trips.riding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.hailway.platform.web.ProblemException;
import dev.hailway.trips.trip.ListPosition;
import dev.hailway.trips.trip.TripId;

class ListCursorsTest {

    @Test
    void aCursorTheListGaveOutLeadsBackToItsPosition() {
        var position = new ListPosition(Instant.parse("2026-12-01T10:15:30.123456Z"), new TripId(UUID.randomUUID()));

        assertThat(ListCursors.decode(ListCursors.encode(position))).isEqualTo(position);
    }

    @Test
    void aTripIdInANonCanonicalFormIsNotACursorThisListGaveOut() {
        String lenient = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2026-01-01T00:00:00Z|1-1-1-1-1".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ListCursors.decode(lenient)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("cursor");
    }
}
