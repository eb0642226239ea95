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
    // copied out of the error so that a test can say hasFieldOrPropertyWithValue("code", "…")
    private final Kind kind;
    private final String code;
    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(DomainError error, Object... arguments) {
        super(error.code() + ": " + error.messageKey() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.error = error;
        this.kind = error.kind();
        this.code = error.code();
        this.messageKey = error.messageKey();
        this.arguments = arguments.clone();
    }

    public DomainError error() {
        return error;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
