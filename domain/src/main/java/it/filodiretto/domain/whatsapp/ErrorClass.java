package it.filodiretto.domain.whatsapp;

/** How a WhatsApp Cloud API error must be handled (docs/whatsapp-errors.md). */
public enum ErrorClass {
    /** retry later with back-off: overload, throttling, temporary server errors */
    TRANSIENT,
    /** do not retry: the recipient or the message itself is wrong */
    PERMANENT,
    /** stop all sending and alert: token, account, payment or policy problem */
    STOP_EVERYTHING
}
