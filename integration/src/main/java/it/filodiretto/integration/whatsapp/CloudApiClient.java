package it.filodiretto.integration.whatsapp;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The WhatsApp Cloud API subset Filo Diretto uses. Built by {@link CloudApiSender} with the configured base
 * URL; answers are read as {@link Response} so that Meta's error JSON can be classified.
 */
@Path("/{version}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface CloudApiClient {

    @POST
    @Path("{phoneNumberId}/messages")
    Response messages(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String bearer, JsonObject payload);

    @POST
    @Path("{phoneNumberId}/marketing_messages")
    Response marketingMessages(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String bearer, JsonObject payload);

    /** The phone number's quality rating, messaging-limit tier and throughput level. */
    @GET
    @Path("{phoneNumberId}")
    Response phoneNumber(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String bearer, @QueryParam("fields") String fields);

    @GET
    @Path("{wabaId}/message_templates")
    Response templates(@PathParam("version") String version, @PathParam("wabaId") String wabaId,
            @HeaderParam("Authorization") String bearer, @QueryParam("limit") int limit,
            @QueryParam("after") String after);
}
