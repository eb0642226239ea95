package it.filodiretto.integration.messaging;

/** The broker refused or failed an operation; the surrounding transaction rolls back. */
public class MessagingFailure extends RuntimeException {

    public MessagingFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
