package it.filodiretto.domain.staff;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.common.DomainException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** A member of the city's staff who logs in to the console or the API. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_account_seq")
    @SequenceGenerator(name = "staff_account_seq", sequenceName = "staff_account_seq", allocationSize = 10)
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 32, nullable = false)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected StaffAccount() {
        // JPA
    }

    public StaffAccount(String username, String displayName, String passwordHash, Set<Role> roles,
            OffsetDateTime createdAt) {
        this.username = normaliseUsername(username);
        rename(displayName);
        this.passwordHash = passwordHash;
        assignRoles(roles);
        this.createdAt = createdAt;
    }

    /**
     * Usernames are case-insensitive: stored lower-case, 3 to 64 of a-z, 0-9, '.', '_', '-'; not the audit
     * trail's own actors ({@code system}, {@code anonymous}), which a staff account must not be mistaken for.
     */
    public static String normaliseUsername(String raw) {
        String candidate = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(candidate).matches()) {
            throw new DomainException(DomainError.STAFF_INVALID_USERNAME);
        }
        if (candidate.equals(Actor.SYSTEM.name()) || candidate.equals(Actor.ANONYMOUS.name())) {
            throw new DomainException(DomainError.STAFF_RESERVED_USERNAME, candidate);
        }
        return candidate;
    }

    public void rename(String newDisplayName) {
        String name = newDisplayName == null ? "" : newDisplayName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new DomainException(DomainError.STAFF_INVALID_DISPLAY_NAME);
        }
        this.displayName = name;
    }

    public void assignRoles(Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new DomainException(DomainError.STAFF_NO_ROLE);
        }
        this.roles = EnumSet.copyOf(newRoles);
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
        this.failedLogins = 0;
        this.lockedUntil = null;
    }

    public boolean isLockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Counts a failed login; the {@code maxFailures}-th consecutive one locks the account for
     * {@code lockout}. Returns true when this failure locked it.
     */
    public boolean recordFailedLogin(OffsetDateTime now, int maxFailures, Duration lockout) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now.plus(lockout);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    /** Forgets earlier failed attempts; changes nothing when there were none. */
    public void clearFailures() {
        if (failedLogins != 0) {
            failedLogins = 0;
        }
        if (lockedUntil != null) {
            lockedUntil = null;
        }
    }

    public void recordSuccessfulLogin(OffsetDateTime now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public OffsetDateTime createdAt() {
        return createdAt == null ? null : createdAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public OffsetDateTime lastLoginAt() {
        return lastLoginAt == null ? null : lastLoginAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public OffsetDateTime lockedUntil() {
        return lockedUntil;
    }

    public long version() {
        return version;
    }
}
