package it.filodiretto.web.audit;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.AuditVerification;
import it.filodiretto.domain.audit.Checkpoint;
import it.filodiretto.domain.audit.VerificationResult;
import it.filodiretto.domain.common.DomainException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Verification of the audit chain for automation (role PRIVACY_OFFICER, HTTP Basic).
 * {@code GET /api/v1/audit/verify} answers {@code {"valid":true,"events":N,"headSequence":N,"headHash":"…"}}
 * or {@code {"valid":false,"firstBrokenSequence":K,"reason":"…"}}; with {@code checkpointSequence} and
 * {@code checkpointHash} it also proves the trail only grew since that checkpoint.
 */
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditVerification verification;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    @Context
    SecurityContext security;

    @GET
    @Path("verify")
    public JsonObject verify(@QueryParam("checkpointSequence") Long checkpointSequence,
            @QueryParam("checkpointHash") String checkpointHash) {
        Checkpoint earlier = null;
        if (checkpointSequence != null || checkpointHash != null) {
            if (checkpointSequence == null || checkpointHash == null) {
                throw new DomainException(DomainError.AUDIT_INVALID_CHECKPOINT);
            }
            earlier = new Checkpoint(checkpointSequence, checkpointHash, null);
        }
        VerificationResult result = verification.verify(earlier, security.getUserPrincipal().getName());
        if (result.valid()) {
            return JSON.createObjectBuilder()
                    .add("valid", true)
                    .add("events", result.events())
                    .add("headSequence", result.headSequence())
                    .add("headHash", result.headHash())
                    .build();
        }
        return JSON.createObjectBuilder()
                .add("valid", false)
                .add("firstBrokenSequence", result.firstBrokenSequence())
                .add("reason", result.reason().name() + ": " + result.explanation())
                .build();
    }

    @GET
    @Path("checkpoint")
    public JsonObject checkpoint() {
        Checkpoint head = verification.checkpoint(security.getUserPrincipal().getName());
        return JSON.createObjectBuilder()
                .add("sequence", head.sequence())
                .add("hash", head.hash())
                .add("takenAt", head.takenAt().toString())
                .add("printable", head.printable(cityName))
                .build();
    }
}
