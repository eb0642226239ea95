package it.filodiretto.domain.staff;

import it.filodiretto.domain.common.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffAccountTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private static StaffAccount account() {
        return new StaffAccount("Mario.Rossi", "Mario Rossi", "hash", EnumSet.of(Role.EDITOR), NOW);
    }

    @Test
    void usernamesAreStoredLowerCase() {
        assertThat(account().username()).isEqualTo("mario.rossi");
    }

    @Test
    void invalidUsernamesAreRefused() {
        for (String bad : new String[]{"", "ab", "has space", "<script>", "x".repeat(65), "-leading"}) {
            assertThatThrownBy(() -> StaffAccount.normaliseUsername(bad))
                    .isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).code()).isEqualTo("invalid_username");
        }
    }

    @Test
    void anAccountWithoutRolesIsRefused() {
        assertThatThrownBy(() -> new StaffAccount("mrossi", "Mario", "h", Set.of(), NOW))
                .isInstanceOf(DomainException.class).hasMessageContaining("no_role");
    }

    @Test
    void theFifthConsecutiveFailureLocksTheAccountForTheLockoutPeriod() {
        StaffAccount a = account();
        for (int i = 1; i < 5; i++) {
            assertThat(a.recordFailedLogin(NOW, 5, Duration.ofMinutes(15))).isFalse();
            assertThat(a.isLockedAt(NOW)).isFalse();
        }
        assertThat(a.recordFailedLogin(NOW, 5, Duration.ofMinutes(15))).isTrue();
        assertThat(a.isLockedAt(NOW.plusMinutes(14))).isTrue();
        assertThat(a.isLockedAt(NOW.plusMinutes(15))).isFalse();
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        StaffAccount a = account();
        a.recordFailedLogin(NOW, 3, Duration.ofMinutes(1));
        a.recordFailedLogin(NOW, 3, Duration.ofMinutes(1));
        a.recordSuccessfulLogin(NOW);
        assertThat(a.recordFailedLogin(NOW, 3, Duration.ofMinutes(1))).isFalse();
        assertThat(a.lastLoginAt()).isEqualTo(NOW);
    }

    @Test
    void passwordPolicyExplainsWhatIsWrong() {
        PasswordPolicy policy = new PasswordPolicy(12);
        assertThatThrownBy(() -> policy.check("short-1", "mrossi")).hasMessageContaining("passwordTooShort");
        assertThatThrownBy(() -> policy.check("onlylettersherewow", "mrossi")).hasMessageContaining("passwordTooSimple");
        assertThatThrownBy(() -> policy.check("xx-MRossi-2026-xx", "mrossi")).hasMessageContaining("passwordContainsUsername");
        assertThatThrownBy(() -> policy.check("a1".repeat(65), "mrossi")).hasMessageContaining("passwordTooLong");
        policy.check("Correct horse battery 9", "mrossi");
    }
}
