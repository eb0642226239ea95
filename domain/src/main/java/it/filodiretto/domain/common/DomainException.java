package it.filodiretto.domain.common;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;

/**
 * A business rule said no: one of the {@link DomainError}s (its kind, stable machine code and message key) and the
 * arguments of its message, which the web layer resolves in the user's language. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    /** What kind of refusal this is: the web layer maps it to an HTTP status or a faces message. */
    public enum Kind {
        INVALID, NOT_FOUND, CONFLICT, FORBIDDEN
    }

    private final DomainError error;
    private final transient Object[] arguments;

    public DomainException(DomainError error, Object... arguments) {
        super(error.code() + ": " + error.messageKey() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.error = error;
        this.arguments = arguments.clone();
    }

    public DomainError error() {
        return error;
    }

    public Kind kind() {
        return error.kind();
    }

    public String code() {
        return error.code();
    }

    public String messageKey() {
        return error.messageKey();
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
