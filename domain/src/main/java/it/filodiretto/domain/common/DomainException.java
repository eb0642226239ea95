package it.filodiretto.domain.common;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;

/**
 * A business rule said no. Carries a stable machine code (for APIs), a message key (resolved by the
 * web layer in the user's language) and the arguments of that message. Rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

    /** What kind of refusal this is: the web layer maps it to an HTTP status or a faces message. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;
    private final String code;
    private final String messageKey;
    private final transient Object[] arguments;

    public DomainException(Kind kind, String code, String messageKey, Object... arguments) {
        super(code + ": " + messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.kind = kind;
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public static DomainException invalid(String code, String messageKey, Object... arguments) {
        return new DomainException(Kind.INVALID, code, messageKey, arguments);
    }

    public static DomainException notFound(String code, String messageKey, Object... arguments) {
        return new DomainException(Kind.NOT_FOUND, code, messageKey, arguments);
    }

    public static DomainException conflict(String code, String messageKey, Object... arguments) {
        return new DomainException(Kind.CONFLICT, code, messageKey, arguments);
    }

    public static DomainException forbidden(String code, String messageKey, Object... arguments) {
        return new DomainException(Kind.FORBIDDEN, code, messageKey, arguments);
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
