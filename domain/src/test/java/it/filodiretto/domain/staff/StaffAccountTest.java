package it.filodiretto.domain.staff;

import it.filodiretto.domain.common.DomainException;
import org.junit.jupiter.api.Test;

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
    void aSuccessfulLoginRecordsItsTime() {
        StaffAccount a = account();
        a.recordSuccessfulLogin(NOW);
        assertThat(a.lastLoginAt()).isEqualTo(NOW);
        assertThat(a.failedLogins()).isZero();
    }

    @Test
    void aGeneratedPasswordMustBeChangedAndANewPasswordClearsThat() {
        StaffAccount a = account();
        assertThat(a.mustChangePassword()).isFalse();
        a.requirePasswordChange();
        assertThat(a.mustChangePassword()).isTrue();
        a.changePasswordHash("new-hash");
        assertThat(a.mustChangePassword()).isFalse();
    }

    @Test
    void anAccountCanBeRenamedToAValidUsernameOnly() {
        StaffAccount a = account();
        a.changeUsername(" Sindaco.Ufficio ");
        assertThat(a.username()).isEqualTo("sindaco.ufficio");
        assertThatThrownBy(() -> a.changeUsername("system")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> a.changeUsername("x")).isInstanceOf(DomainException.class);
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
