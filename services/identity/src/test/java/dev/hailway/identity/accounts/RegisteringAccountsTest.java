package dev.hailway.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hailway.identity.api.AccountRegistered;
import dev.hailway.identity.api.Role;
import dev.hailway.identity.support.FastHasher;
import dev.hailway.identity.support.InMemoryAccounts;
import dev.hailway.platform.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisteringAccountsTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final List<AccountRegistered> published = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:15:30.123456789Z"));
    private final RegisteringAccounts registering = new RegisteringAccounts(accounts, new FastHasher(),
            published::add, clock);

    @Test
    void storesTheAccountWithAHashAndAnnouncesIt() {
        var account = registering.register(
                new Registration(Role.RIDER, EmailAddress.of("Ann@Example.org"), "correct horse battery", " Ann "));

        assertThat(accounts.all()).containsExactly(account);
        assertThat(account.passwordHash()).isNotEqualTo("correct horse battery");
        assertThat(account.name()).isEqualTo("Ann");
        assertThat(account.createdAt()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
        assertThat(published).containsExactly(new AccountRegistered(account.id().value(), "ann@example.org",
                Role.RIDER, "Ann", account.createdAt()));
    }

    @Test
    void letsNoOneSignUpAsOperator() {
        assertThatIllegalArgumentException().isThrownBy(() -> registering.register(
                new Registration(Role.OPERATOR, EmailAddress.of("eve@example.org"), "correct horse battery", "Eve")));
        assertThat(accounts.all()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void refusesAShortPasswordAndStoresNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> registering.register(
                new Registration(Role.DRIVER, EmailAddress.of("dan@example.org"), "short", "Dan")));
        assertThat(accounts.all()).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void refusesASecondAccountForTheSameAddressAndAnnouncesNothing() {
        registering.register(new Registration(Role.RIDER, EmailAddress.of("ann@example.org"), "correct horse battery",
                "Ann"));

        assertThatThrownBy(() -> registering.register(new Registration(Role.DRIVER,
                EmailAddress.of(" ANN@example.org"), "another long password", "Ann again")))
                .isInstanceOf(EmailAlreadyRegistered.class)
                .hasMessageNotContaining("ann@example.org");
        assertThat(accounts.all()).hasSize(1);
        assertThat(published).hasSize(1);
    }
}
