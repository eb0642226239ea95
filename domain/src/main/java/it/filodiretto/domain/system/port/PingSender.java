package it.filodiretto.domain.system.port;

/** Puts a connectivity ping on the message broker, inside the caller's transaction. */
public interface PingSender {

    void send(String token);
}
