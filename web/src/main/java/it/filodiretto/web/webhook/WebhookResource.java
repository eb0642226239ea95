package it.filodiretto.web.webhook;

import it.filodiretto.integration.api.WebhookIntake;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * {@code /webhook/whatsapp}: GET answers Meta's verification handshake; POST takes signed events. The raw
 * body is read (at most {@code filodiretto.whatsapp.max-webhook-bytes}, else 413 before any parsing),
 * its signature checked (401 and nothing stored when wrong or missing), its JSON checked (400 when not
 * well-formed or nested too deep), then it is stored and queued (group-committed with the webhooks arriving meanwhile)
 * and the answer is 200 once it is committed; processing is asynchronous and item by item, so any well-formed signed
 * JSON gets 200 (Meta retries anything else for days). Only when it cannot be stored (database down) is it 503.
 */
@Path("whatsapp")
@ApplicationScoped // one instance: nothing is created or injected per request (Meta sends thousands a second)
public class WebhookResource {

    @Inject
    WebhookIntake intake;

    @GET
    public Response handshake(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        return intake.handshake(mode, token, challenge)
                .map(c -> Response.ok(c, MediaType.TEXT_PLAIN_TYPE).build())
                .orElseGet(() -> error(Response.Status.FORBIDDEN, "verification_failed", "hub.mode or hub.verify_token do not match"));
    }

    @POST
    public Response receive(@HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("Content-Length") Long contentLength, InputStream body) throws IOException {
        int max = intake.maxBytes();
        if (contentLength != null && contentLength > max) {
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large", "at most " + max + " bytes");
        }
        byte[] bytes = readAtMost(body, max + 1);
        if (bytes.length > max) {
            return error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large", "at most " + max + " bytes");
        }
        return switch (intake.accept(bytes, signature)) {
            case ACCEPTED -> Response.ok(JSON.createObjectBuilder().add("received", true).build(), MediaType.APPLICATION_JSON_TYPE).build();
            case BAD_SIGNATURE -> error(Response.Status.UNAUTHORIZED, "invalid_signature", "X-Hub-Signature-256 is missing or wrong");
            case MALFORMED -> error(Response.Status.BAD_REQUEST, "malformed_json", "the body is not well-formed JSON");
            case TOO_DEEP ->
                error(Response.Status.BAD_REQUEST, "too_deeply_nested", "the JSON nests deeper than " + intake.maxDepth() + " levels");
            case TOO_LARGE -> error(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload_too_large", "at most " + max + " bytes");
            // not the input's fault: the database is down or the intake is full; Meta sends it again later
            case UNAVAILABLE -> Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "try_again_later",
                    "the webhook could not be stored now")).header("Retry-After", "5").build();
        };
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while (out.size() < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()))) != -1) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static Response error(Response.Status status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder().add("error", code).add("message", message).build()).build();
    }
}
