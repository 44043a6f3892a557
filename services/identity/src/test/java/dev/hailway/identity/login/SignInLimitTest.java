package dev.hailway.identity.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.identity.login.SignInLimit.Admission;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInLimitTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final SignInLimit limit = new SignInLimit(5, Duration.ofMinutes(5), Duration.ofSeconds(30),
            Duration.ofMinutes(15), Duration.ofHours(1));
    private Optional<FailedSignIns> record = Optional.empty();

    private Admission attemptAt(Instant at) {
        Admission admission = limit.admit(record, at);
        record = Optional.of(admission.record());
        return admission;
    }

    @Test
    void letsFiveFailedAttemptsThroughAndLocksTheAddressAtTheSixth() {
        for (int i = 0; i < 5; i++) {
            assertThat(attemptAt(NOW.plusSeconds(i)).admitted()).isTrue();
        }

        Admission sixth = attemptAt(NOW.plusSeconds(5));

        assertThat(sixth.admitted()).isFalse();
        assertThat(sixth.refusedFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(attemptAt(NOW.plusSeconds(20)).refusedFor()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void attemptsRefusedDuringALockoutNeitherCountNorExtendIt() {
        lockAt(NOW);
        FailedSignIns locked = record.orElseThrow();

        for (int i = 1; i < 30; i++) {
            assertThat(attemptAt(NOW.plusSeconds(i)).admitted()).isFalse();
        }

        assertThat(record).contains(locked);
        assertThat(attemptAt(NOW.plusSeconds(30)).admitted()).isTrue();
    }

    @Test
    void eachFurtherLockoutIsTwiceAsLongButNeverLongerThanTheLongest() {
        Instant at = NOW;
        for (Duration expected : new Duration[] {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15)}) {
            Admission lockout = lockAt(at);
            assertThat(lockout.refusedFor()).isEqualTo(expected);
            at = at.plus(expected);
        }
        assertThat(limit.lockout(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aFailureAMinuteNeverLocks() {
        // At most five of them fall into any one five-minute window.
        for (int i = 0; i < 20; i++) {
            assertThat(attemptAt(NOW.plus(Duration.ofMinutes(i))).admitted()).as("attempt %d", i).isTrue();
        }
    }

    @Test
    void aQuietAddressStartsAfreshLockoutsIncluded() {
        lockAt(NOW);
        lockAt(NOW.plusSeconds(30));
        assertThat(record.orElseThrow().lockouts()).isEqualTo(2);

        Admission afterAnHour = attemptAt(NOW.plusSeconds(90).plus(Duration.ofHours(1)));

        assertThat(afterAnHour.admitted()).isTrue();
        assertThat(afterAnHour.record().lockouts()).isZero();
        assertThat(afterAnHour.record().failures()).isEqualTo(1);
    }

    @Test
    void aRecordCannotBeForgottenBeforeItsLongestLockoutEnds() {
        assertThatThrownBy(() -> new SignInLimit(5, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInLimit(0, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** Five attempts let through from {@code at}, then the one that locks. */
    private Admission lockAt(Instant at) {
        for (int i = 0; i < 5; i++) {
            assertThat(attemptAt(at).admitted()).isTrue();
        }
        Admission lockout = attemptAt(at);
        assertThat(lockout.admitted()).isFalse();
        return lockout;
    }
}
