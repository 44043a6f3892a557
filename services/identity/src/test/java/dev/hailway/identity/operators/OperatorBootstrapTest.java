package dev.hailway.identity.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hailway.identity.accounts.RegisteringAccounts;
import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.Role;
import dev.hailway.identity.support.FastHasher;
import dev.hailway.identity.support.InMemoryAccounts;
import dev.hailway.platform.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorBootstrapTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final List<AccountRegistered> published = new ArrayList<>();
    private final OperatorBootstrap bootstrap = new OperatorBootstrap(accounts, new RegisteringAccounts(accounts,
            new FastHasher(), published::add, new MutableClock(Instant.parse("2026-11-25T10:00:00Z"))));

    @Test
    void createsTheOperatorOnceAndLeavesItAloneAfterwards() {
        assertThat(bootstrap.ensureOperator("Ops@Hailway.dev", "operator-password-1")).isTrue();
        assertThat(bootstrap.ensureOperator("ops@hailway.dev", "a-changed-password")).isFalse();

        assertThat(accounts.all()).singleElement().satisfies(operator -> {
            assertThat(operator.role()).isEqualTo(Role.OPERATOR);
            assertThat(operator.email().value()).isEqualTo("ops@hailway.dev");
            assertThat(operator.passwordHash()).isEqualTo(new FastHasher().hash("operator-password-1"));
        });
        assertThat(published).extracting(AccountRegistered::role).containsExactly(Role.OPERATOR);
    }

    @Test
    void refusesAWeakPasswordOrAMalformedAddressInsteadOfStartingWithoutAnOperator() {
        assertThatIllegalArgumentException().isThrownBy(() -> bootstrap.ensureOperator("ops@hailway.dev", "short"));
        assertThatIllegalArgumentException().isThrownBy(() -> bootstrap.ensureOperator("ops", "operator-password-1"));
        assertThat(accounts.all()).isEmpty();
    }
}
