package it.filodiretto.domain.staff;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Use cases of staff accounts: create, change, authenticate, and the first administrator. */
@Stateless
public class StaffService {

    private static final Logger LOG = Logger.getLogger(StaffService.class.getName());
    private static final String TARGET = "staff";
    public static final String INITIAL_ADMIN = "admin";

    @Inject
    StaffAccounts accounts;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    VerifiedCredentials recent;

    @Inject
    UnknownUserFailures unknownUsers;

    @Inject
    @ConfigProperty(name = "filodiretto.staff.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "filodiretto.staff.password.min-length", defaultValue = "12")
    int minPasswordLength;

    @Inject
    @ConfigProperty(name = "filodiretto.staff.password.iterations", defaultValue = "120000")
    int iterations;

    /** Hash of a random password, checked when the username is unknown, so timing tells nothing. */
    private String decoyHash;

    @PostConstruct
    void initialise() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = passwordHash.generate(randomPassword().toCharArray());
    }

    public PasswordPolicy passwordPolicy() {
        return new PasswordPolicy(minPasswordLength);
    }

    public List<StaffAccount> list() {
        return accounts.all();
    }

    public Optional<StaffAccount> find(String username) {
        try {
            return accounts.byUsername(StaffAccount.normaliseUsername(username));
        } catch (DomainException invalid) {
            return Optional.empty();
        }
    }

    public StaffAccount create(NewStaffAccount command, String actor) {
        String username = StaffAccount.normaliseUsername(command.username());
        if (accounts.byUsername(username).isPresent()) {
            throw new DomainException(DomainError.STAFF_DUPLICATE_USERNAME, username);
        }
        passwordPolicy().check(command.password(), username);
        StaffAccount account = new StaffAccount(username, command.displayName(),
                passwordHash.generate(command.password().toCharArray()), command.roles(), time.now());
        accounts.add(account);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("roles", account.roles());
        audit.record(Actor.staff(actor), AuditAction.STAFF_CREATED, TARGET, username, details);
        return account;
    }

    public StaffAccount update(String rawUsername, StaffAccountChanges changes, String actor) {
        StaffAccount account = find(rawUsername)
                .orElseThrow(() -> new DomainException(DomainError.STAFF_UNKNOWN, rawUsername));
        Actor who = Actor.staff(actor);
        String username = account.username();
        if (changes.displayName() != null && !changes.displayName().strip().equals(account.displayName())) {
            account.rename(changes.displayName());
            audit.record(who, AuditAction.STAFF_UPDATED, TARGET, username, Map.of("field", "displayName"));
        }
        if (changes.roles() != null && !changes.roles().equals(account.roles())) {
            if (account.roles().contains(Role.ADMIN) && !changes.roles().contains(Role.ADMIN) && account.isEnabled()) {
                refuseIfLastAdmin(account);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("before", account.roles());
            account.assignRoles(changes.roles());
            details.put("after", account.roles());
            audit.record(who, AuditAction.STAFF_ROLES_CHANGED, TARGET, username, details);
        }
        if (changes.enabled() != null && changes.enabled() != account.isEnabled()) {
            if (changes.enabled()) {
                account.enable();
                audit.record(who, AuditAction.STAFF_ENABLED, TARGET, username);
            } else {
                if (account.roles().contains(Role.ADMIN)) {
                    refuseIfLastAdmin(account);
                }
                account.disable();
                audit.record(who, AuditAction.STAFF_DISABLED, TARGET, username);
            }
        }
        if (changes.newPassword() != null) {
            passwordPolicy().check(changes.newPassword(), username);
            account.changePasswordHash(passwordHash.generate(changes.newPassword().toCharArray()));
            audit.record(who, AuditAction.STAFF_PASSWORD_RESET, TARGET, username);
        }
        return account;
    }

    /**
     * Renames an account (an administrator may rename the first account, {@code admin}, so that the name
     * everyone guesses first does not exist). Earlier audit events keep the old name; the event of the
     * rename links both.
     */
    public StaffAccount renameAccount(String rawUsername, String newUsername, String actor) {
        StaffAccount account = find(rawUsername)
                .orElseThrow(() -> new DomainException(DomainError.STAFF_UNKNOWN, rawUsername));
        String target = StaffAccount.normaliseUsername(newUsername);
        if (target.equals(account.username())) {
            return account;
        }
        if (accounts.byUsername(target).isPresent()) {
            throw new DomainException(DomainError.STAFF_DUPLICATE_USERNAME, target);
        }
        String before = account.username();
        account.changeUsername(target);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", "username");
        details.put("before", before);
        details.put("after", target);
        audit.record(Actor.staff(actor), AuditAction.STAFF_UPDATED, TARGET, target, details);
        return account;
    }

    /**
     * The account's owner sets a new password (required after a generated one): the current password is
     * checked again, the new one must meet the policy and differ from it.
     */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        StaffAccount account = find(username)
                .orElseThrow(() -> new DomainException(DomainError.STAFF_UNKNOWN, username));
        if (currentPassword == null || !passwordHash.verify(currentPassword.toCharArray(), account.passwordHash())) {
            throw new DomainException(DomainError.STAFF_WRONG_CURRENT_PASSWORD);
        }
        if (currentPassword.equals(newPassword)) {
            throw new DomainException(DomainError.STAFF_SAME_PASSWORD);
        }
        passwordPolicy().check(newPassword, account.username());
        account.changePasswordHash(passwordHash.generate(newPassword.toCharArray()));
        audit.record(Actor.staff(account.username()), AuditAction.STAFF_PASSWORD_RESET, TARGET, account.username(),
                Map.of("by", "self"));
    }

    private void refuseIfLastAdmin(StaffAccount account) {
        long otherAdmins = accounts.all().stream()
                .filter(a -> a.isEnabled() && a.roles().contains(Role.ADMIN) && !a.username().equals(account.username()))
                .count();
        if (otherAdmins == 0) {
            throw new DomainException(DomainError.STAFF_LAST_ADMIN);
        }
    }

    /**
     * Checks a username and password. There is no account lock any more (anyone could have kept {@code admin}
     * locked out everywhere): the web layer's throttles delay the guessing address before calling this. Every
     * wrong password of an account is counted atomically (parallel guesses each count) and audited; every
     * {@code max-failures}-th consecutive one is also audited as {@code LOGIN_THROTTLED}, the sign of an account
     * under attack. Unknown usernames are only counted ({@link UnknownUserFailures}). A success is audited when
     * {@code auditSuccess} (console logins: yes; API calls, which authenticate on every request and whose changes
     * are audited with their actor anyway: no).
     */
    public LoginOutcome authenticate(String rawUsername, String password, String origin, boolean auditSuccess) {
        OffsetDateTime now = time.now();
        Optional<StaffAccount> found = find(rawUsername);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("origin", origin);
        if (found.isEmpty()) {
            passwordHash.verify(String.valueOf(password).toCharArray(), decoyHash);
            // counted, and audited as a periodic summary: what was typed is not kept (it may be a mistyped
            // password, a phone number or an e-mail address), and a flood must not write a row per guess
            unknownUsers.failed(origin);
            return new LoginOutcome.Refused(LoginOutcome.Reason.UNKNOWN_USER);
        }
        StaffAccount account = found.get();
        Actor who = Actor.staff(account.username());
        // API calls authenticate on every request: a recent verification of these very credentials against
        // this very hash stands in for PBKDF2 (see VerifiedCredentials); console logins always verify
        boolean matches = password != null && (!auditSuccess && recent.matches(account.username(), password, account.passwordHash())
                || passwordHash.verify(password.toCharArray(), account.passwordHash()));
        if (!matches) {
            details.put("reason", "bad_password");
            // the audit chain's lock first, then the account's row: the order every audited change takes
            audit.record(who, AuditAction.LOGIN_FAILED, TARGET, account.username(), details);
            int failures = accounts.countFailedLogin(account.id());
            if (failures % Math.max(1, maxFailures) == 0) {
                audit.record(who, AuditAction.LOGIN_THROTTLED, TARGET, account.username(), Map.of("consecutiveFailures", failures));
            }
            return new LoginOutcome.Refused(LoginOutcome.Reason.BAD_CREDENTIALS);
        }
        if (!account.isEnabled()) {
            details.put("reason", "disabled");
            audit.record(who, AuditAction.LOGIN_FAILED, TARGET, account.username(), details);
            return new LoginOutcome.Refused(LoginOutcome.Reason.DISABLED);
        }
        if (auditSuccess) {
            account.recordSuccessfulLogin(now);
            audit.record(who, AuditAction.LOGIN, TARGET, account.username(), details);
        } else {
            // no write per API request (concurrent requests of one account must not collide on its version)
            account.clearFailures();
            recent.remember(account.username(), password, account.passwordHash());
        }
        return new LoginOutcome.Accepted(account.username(), account.displayName(), account.roles(), account.mustChangePassword());
    }

    public void recordLogout(String username) {
        audit.record(Actor.staff(username), AuditAction.LOGOUT, TARGET, username);
    }

    /**
     * On the very first start (no account at all) creates {@code admin} with the given password, or with a
     * generated one that is returned so the caller can print it once.
     *
     * @return the generated password, when one was generated
     */
    public Optional<String> ensureInitialAdmin(Optional<String> configuredPassword) {
        audit.holdChainLock(); // two servers starting together on an empty database: the second waits, then finds 'admin'
        if (accounts.count() > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) {
            password = randomPassword();
        }
        passwordPolicy().check(password, INITIAL_ADMIN);
        StaffAccount admin = new StaffAccount(INITIAL_ADMIN, "Administrator", passwordHash.generate(password.toCharArray()),
                java.util.EnumSet.of(Role.ADMIN), time.now());
        if (generated) {
            // it was printed in the server log: its owner must choose another at the first login
            admin.requirePasswordChange();
        }
        accounts.add(admin);
        audit.record(Actor.SYSTEM, AuditAction.SYSTEM_BOOTSTRAPPED, TARGET, INITIAL_ADMIN,
                Map.of("passwordSource", generated ? "generated" : "configured"));
        LOG.info("First run: created the initial administrator account 'admin'.");
        return generated ? Optional.of(password) : Optional.empty();
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        // URL-safe alphabet always yields letters plus digits or symbols at this length; make sure anyway.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-7";
    }
}
