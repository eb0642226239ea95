package it.filodiretto.integration.system;

import it.filodiretto.domain.system.port.OutboundProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * Calls the diagnostic endpoint, which fails the first calls for a token with 503, under the same kind of
 * fault-tolerance policy as the WhatsApp client. Success therefore proves retries fire on this server.
 */
@ApplicationScoped
public class FlakyEndpointProbe implements OutboundProbe {

    @Override
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 4, delay = 100, jitter = 50, retryOn = {WebApplicationException.class, ProcessingException.class})
    public int attemptsUntilSuccess(URI baseUri, String token) {
        ProbeClient client = RestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS)
                .build(ProbeClient.class);
        return client.probe(token).getInt("attempts");
    }
}
