package dev.hailway.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hailway.identity.accounts.AccountId;
import dev.hailway.identity.login.RefreshTokenRotation.Reason;
import dev.hailway.identity.login.RefreshTokenRotation.Rejected;
import dev.hailway.identity.login.RefreshTokenRotation.Rotated;
import dev.hailway.platform.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RefreshTokenRotationTest {

    private final InMemoryRefreshTokens stored = new InMemoryRefreshTokens();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final RefreshTokenRotation rotation = new RefreshTokenRotation(stored, clock, Duration.ofDays(30));
    private final AccountId ann = AccountId.random();

    @Test
    void issuesAtLeast256RandomBitsAndStoresOnlyTheirHash() {
        var issued = rotation.startFamily(ann);

        assertThat(Base64.getUrlDecoder().decode(issued.token())).hasSizeGreaterThanOrEqualTo(32);
        assertThat(stored.all()).singleElement().satisfies(token -> {
            assertThat(token.hash()).isEqualTo(TokenHash.of(issued.token()));
            assertThat(token.hash().hex()).doesNotContain(issued.token());
        });
        assertThat(rotation.startFamily(ann).token()).isNotEqualTo(issued.token());
    }

    @Test
    void replacesAValidTokenWithANewOneOfTheSameFamily() {
        var first = rotation.startFamily(ann);
        clock.advance(Duration.ofMinutes(20));

        var outcome = rotation.rotate(first.token());

        assertThat(outcome).isInstanceOfSatisfying(Rotated.class, rotated -> {
            assertThat(rotated.accountId()).isEqualTo(ann);
            assertThat(rotated.next().token()).isNotEqualTo(first.token());
            assertThat(rotated.next().stored().familyId()).isEqualTo(first.stored().familyId());
            assertThat(rotated.next().stored().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        });
        assertThat(stored.byId(first.stored().id()).usedAt()).isEqualTo(clock.instant());
    }

    @Test
    void revokesTheWholeFamilyWhenASpentTokenComesBack() {
        var first = rotation.startFamily(ann);
        var second = ((Rotated) rotation.rotate(first.token())).next();
        var otherLogin = rotation.startFamily(ann);

        assertThat(rotation.rotate(first.token())).isEqualTo(new Rejected(Reason.REUSED));

        assertThat(rotation.rotate(second.token())).isEqualTo(new Rejected(Reason.REUSED));
        assertThat(stored.byId(second.stored().id()).revokedAt()).isNotNull();
        assertThat(rotation.rotate(otherLogin.token())).isInstanceOf(Rotated.class);
    }

    @Test
    void treatsLosingARaceForTheSameTokenAsReuse() {
        var first = rotation.startFamily(ann);
        stored.spendBehindTheBack(first.stored().id(), clock.instant());

        assertThat(rotation.rotate(first.token())).isEqualTo(new Rejected(Reason.REUSED));
        assertThat(stored.all()).allSatisfy(token -> assertThat(token.revokedAt()).isNotNull());
    }

    @Test
    void refusesAnExpiredToken() {
        var first = rotation.startFamily(ann);
        clock.advance(Duration.ofDays(30));

        assertThat(rotation.rotate(first.token())).isEqualTo(new Rejected(Reason.EXPIRED));
    }

    @Test
    void refusesUnknownAndMalformedTokens() {
        rotation.startFamily(ann);

        assertThat(rotation.rotate("not-a-token")).isEqualTo(new Rejected(Reason.UNKNOWN));
        assertThat(rotation.rotate("")).isEqualTo(new Rejected(Reason.UNKNOWN));
        assertThat(rotation.rotate(null)).isEqualTo(new Rejected(Reason.UNKNOWN));
        assertThat(rotation.rotate("x".repeat(10_000))).isEqualTo(new Rejected(Reason.UNKNOWN));
    }
}
