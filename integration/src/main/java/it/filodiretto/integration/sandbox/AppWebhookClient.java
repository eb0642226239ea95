package it.filodiretto.integration.sandbox;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The application's own webhook endpoint, as Meta (here: the sandbox) calls it. */
public interface AppWebhookClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response post(@HeaderParam("X-Hub-Signature-256") String signature, byte[] body);
}
