package it.filodiretto.integration.assistant;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The OpenAI-compatible chat-completions endpoint (on-premise servers and cloud providers speak it). */
@RegisterRestClient(configKey = "chat-completions")
@Path("/v1/chat/completions")
public interface ChatCompletionsClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject complete(@HeaderParam("Authorization") String bearer, JsonObject request);
}
