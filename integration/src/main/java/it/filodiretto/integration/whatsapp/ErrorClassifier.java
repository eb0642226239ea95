package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.ErrorClass;

import java.util.Set;

/**
 * Meta's error codes and HTTP statuses mapped to what the sender must do (table in
 * docs/whatsapp-errors.md). The code decides when it is known; otherwise the HTTP status: 429 and 5xx are
 * transient, other 4xx permanent.
 */
public final class ErrorClassifier {

    /** Overload and throttling: retry later. 4 and 80007 are app/WABA rate limits. */
    static final Set<Integer> TRANSIENT = Set.of(1, 2, 4, 130429, 131000, 131056, 131057, 80007);

    /** Account-level problems: stop sending everything until someone acts. */
    static final Set<Integer> STOP_EVERYTHING = Set.of(190, 368, 131031, 131042, 131048, 130497, 0, 3, 10, 200);

    /** Problems of this recipient or this message: never retried. */
    static final Set<Integer> PERMANENT = Set.of(100, 131008, 131009, 131021, 131026, 131045, 131047, 131049,
            131050, 131051, 131052, 131053, 133010, 135000);

    private ErrorClassifier() {
    }

    public static ErrorClass classify(int httpStatus, Integer code) {
        if (code != null) {
            if (TRANSIENT.contains(code)) {
                return ErrorClass.TRANSIENT;
            }
            if (STOP_EVERYTHING.contains(code)) {
                return ErrorClass.STOP_EVERYTHING;
            }
            if (PERMANENT.contains(code) || code >= 132000 && code <= 132016) {
                return ErrorClass.PERMANENT;
            }
        }
        if (httpStatus == 429 || httpStatus >= 500 || httpStatus == 408) {
            return ErrorClass.TRANSIENT;
        }
        if (code == null && (httpStatus == 404 || httpStatus == 405)) {
            // not Graph's verdict on the message (it always names a code): the endpoint is not there — a proxy, a
            // gateway still starting. Failing the citizen's message for it would lose it; try again later.
            return ErrorClass.TRANSIENT;
        }
        if (httpStatus == 401) {
            return ErrorClass.STOP_EVERYTHING;
        }
        return ErrorClass.PERMANENT;
    }
}
