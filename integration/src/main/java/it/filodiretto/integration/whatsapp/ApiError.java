package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.ErrorClass;

/** An error answer of the Cloud API, classified. Transient ones are retried by the fault-tolerance policy. */
public class ApiError extends RuntimeException {

    private final ErrorClass errorClass;
    private final int httpStatus;
    private final int code;

    public ApiError(ErrorClass errorClass, int httpStatus, int code, String title) {
        super(title, null, false, false);
        this.errorClass = errorClass;
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    /** Retried by {@code @Retry}. */
    public static class Transient extends ApiError {
        public Transient(int httpStatus, int code, String title) {
            super(ErrorClass.TRANSIENT, httpStatus, code, title);
        }
    }

    /** Never retried. */
    public static class Final extends ApiError {
        public Final(ErrorClass errorClass, int httpStatus, int code, String title) {
            super(errorClass, httpStatus, code, title);
        }
    }
}
