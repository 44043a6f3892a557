package dev.hailway.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hailway.platform.testing.MutableClock;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofMinutes(1);
    // Key generation is the slow part; one pair serves every key here, the tests are about ids and states.
    private static final KeyPair PAIR = KeyPairs.rsa2048().generate();

    private final InMemorySigningKeys keys = new InMemorySigningKeys();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final KeyRotation rotation = new KeyRotation(keys, () -> PAIR, clock, Duration.ofHours(24),
            TOKEN_LIFETIME, SKEW);

    @Test
    void makesTheFirstKeyOnceUnderTheLock() {
        var first = rotation.ensureActive();
        var again = rotation.ensureActive();

        assertThat(again).isEqualTo(first);
        assertThat(keys.all()).containsExactly(first);
        assertThat(keys.locks).isEqualTo(1);
    }

    @Test
    void rotationRetiresTheActiveKeyAndActivatesANewOne() {
        var old = rotation.ensureActive();
        clock.advance(Duration.ofHours(1));

        var fresh = rotation.rotate();

        assertThat(fresh.id()).isNotEqualTo(old.id());
        assertThat(keys.active()).contains(fresh);
        assertThat(keys.all()).filteredOn(key -> key.id().equals(old.id())).singleElement()
                .satisfies(key -> {
                    assertThat(key.state()).isEqualTo(KeyState.RETIRED);
                    assertThat(key.retiredAt()).isEqualTo(clock.instant());
                });
    }

    @Test
    void keepsPublishingARetiredKeyForATokenLifetimePlusSkew() {
        var old = rotation.ensureActive();
        var fresh = rotation.rotate();

        assertThat(rotation.published()).extracting(SigningKey::id).containsExactlyInAnyOrder(fresh.id(), old.id());

        clock.advance(TOKEN_LIFETIME.plus(SKEW).minusSeconds(1));
        assertThat(rotation.published()).extracting(SigningKey::id).containsExactlyInAnyOrder(fresh.id(), old.id());

        clock.advance(Duration.ofSeconds(1));
        assertThat(rotation.published()).extracting(SigningKey::id).containsExactly(fresh.id());
    }

    @Test
    void rotatesOnScheduleOnlyWhenTheActiveKeyIsDue() {
        var first = rotation.ensureActive();

        clock.advance(Duration.ofHours(23));
        assertThat(rotation.rotateIfDue()).isFalse();
        assertThat(keys.active()).contains(first);

        clock.advance(Duration.ofHours(1));
        assertThat(rotation.rotateIfDue()).isTrue();
        assertThat(keys.active()).get().extracting(SigningKey::id).isNotEqualTo(first.id());
    }

    @Test
    void refusesARotationIntervalTooShortForTheTokensToOutliveTheirKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyRotation(keys, () -> PAIR, clock,
                Duration.ofMinutes(10), TOKEN_LIFETIME, SKEW));
    }
}
