package it.filodiretto.web.sandbox;

import it.filodiretto.integration.api.GraphAnswer;
import it.filodiretto.integration.api.Sandbox;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The sandbox's Cloud API: {@code /sandbox/graph/{version}/{phone-number-id}} (the number's standing),
 * {@code …/messages}, {@code …/marketing_messages} and {@code /sandbox/graph/{version}/{waba-id}/message_templates}.
 */
@Path("graph/{version}/{phoneNumberId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SandboxGraphResource {

    @Inject
    Sandbox sandbox;

    /** The number as the Cloud API describes it (the sandbox's number is always in good standing). */
    @GET
    public Response phoneNumber(@PathParam("phoneNumberId") String phoneNumberId, @HeaderParam("Authorization") String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Response.status(401).entity(JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                    .add("message", "An access token is required").add("type", "OAuthException").add("code", 190)).build()).build();
        }
        return Response.ok(JSON.createObjectBuilder().add("id", phoneNumberId).add("display_phone_number", "+39 0331 390 000")
                .add("quality_rating", "GREEN").add("messaging_limit_tier", "TIER_UNLIMITED")
                .add("throughput", JSON.createObjectBuilder().add("level", "STANDARD")).build()).build();
    }

    /** The account's templates ({@code /{version}/{waba-id}/message_templates}: the path segment is the WABA id here). */
    @GET
    @Path("message_templates")
    public Response templates(@HeaderParam("Authorization") String authorization) {
        GraphAnswer answer = sandbox.templates(authorization);
        return Response.status(answer.status()).entity(answer.body()).build();
    }

    @POST
    @Path("messages")
    public Response messages(@HeaderParam("Authorization") String authorization, String body) {
        return answer(authorization, body, false);
    }

    @POST
    @Path("marketing_messages")
    public Response marketing(@HeaderParam("Authorization") String authorization, String body) {
        return answer(authorization, body, true);
    }

    private Response answer(String authorization, String body, boolean marketing) {
        JsonObject payload;
        try {
            JsonValue value = JSON.createReader(new StringReader(body == null ? "" : body)).readValue();
            payload = value instanceof JsonObject o ? o : null;
        } catch (JsonParsingException | IllegalStateException e) {
            payload = null;
        }
        if (payload == null) {
            return Response.status(400).entity(JSON.createObjectBuilder().add("error", JSON.createObjectBuilder()
                    .add("message", "(#100) The request body is not valid JSON").add("type", "OAuthException").add("code", 100)).build())
                    .build();
        }
        GraphAnswer answer = sandbox.send(authorization, payload, marketing);
        return Response.status(answer.status()).entity(answer.body()).build();
    }
}
