package it.filodiretto.domain.common;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * This running server among those sharing the database: a new identity at every start. Its heartbeat (table
 * {@code server_instance}) says it is alive; what it claimed (a delivery being sent) carries its identity, so a
 * server that starts, or notices another one gone, takes back only the claims of servers that are gone.
 */
@ApplicationScoped
public class ServerInstance {

    /** A server without a heartbeat for this long is gone (heartbeats come every five seconds). */
    public static final int ALIVE_SECONDS = 15;

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }
}
