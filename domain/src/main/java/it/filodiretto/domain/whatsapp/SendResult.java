package it.filodiretto.domain.whatsapp;

/** What became of one send: accepted with its wamid, or refused with WhatsApp's classification. */
public sealed interface SendResult {

    record Accepted(String wamid) implements SendResult {
    }

    /**
     * Not sent. {@code errorClass} says what to do: TRANSIENT (try again later), PERMANENT (never for this
     * recipient/message), STOP_EVERYTHING (account-level problem: pause all sending).
     */
    record Refused(ErrorClass errorClass, int httpStatus, int code, String title) implements SendResult {
    }
}
