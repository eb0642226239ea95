package it.filodiretto.domain.system.port;

import java.net.URI;

/**
 * Calls a deliberately flaky HTTP endpoint through the same REST client and fault-tolerance stack as every
 * outbound call, to prove that retries really happen on this server.
 */
public interface OutboundProbe {

    /** @return how many attempts the endpoint saw before it answered */
    int attemptsUntilSuccess(URI baseUri, String token);
}
