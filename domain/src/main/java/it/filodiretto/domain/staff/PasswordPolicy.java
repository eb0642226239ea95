package it.filodiretto.domain.staff;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;

import java.util.Locale;

/**
 * What a staff password must be: at least {@code minLength} characters, letters and at least one digit
 * or symbol, not containing the username. Long passphrases are welcome; no upper bound below 128.
 */
public final class PasswordPolicy {

    private final int minLength;

    public PasswordPolicy(int minLength) {
        this.minLength = Math.max(8, minLength);
    }

    public void check(String password, String username) {
        if (password == null || password.length() < minLength) {
            throw new DomainException(DomainError.STAFF_PASSWORD_TOO_SHORT, minLength);
        }
        if (password.length() > 128) {
            throw new DomainException(DomainError.STAFF_PASSWORD_TOO_LONG);
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c) && !Character.isWhitespace(c));
        if (!letter || !other) {
            throw new DomainException(DomainError.STAFF_PASSWORD_TOO_SIMPLE);
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new DomainException(DomainError.STAFF_PASSWORD_CONTAINS_USERNAME);
        }
    }

    public int minLength() {
        return minLength;
    }
}
