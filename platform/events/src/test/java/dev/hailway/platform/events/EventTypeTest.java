package dev.hailway.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    record TripRequested(String tripId) {
    }

    record TripCancelled(String tripId, String reason) {
        public static final int VERSION = 2;
    }

    record OddlyVersioned(String id) {
        static final String VERSION = "3";
    }

    @Test
    void namesAnEventAfterItsRecordAtVersionOneByDefault() {
        assertThat(EventType.of(TripRequested.class)).isEqualTo(new EventType("TripRequested", 1));
    }

    @Test
    void takesTheVersionFromAStaticVersionField() {
        assertThat(EventType.of(TripCancelled.class)).isEqualTo(new EventType("TripCancelled", 2));
    }

    @Test
    void ignoresAVersionFieldThatIsNotAnInt() {
        assertThat(EventType.of(OddlyVersioned.class).version()).isEqualTo(1);
    }

    @Test
    void rejectsVersionsBelowOne() {
        assertThatThrownBy(() -> new EventType("X", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
