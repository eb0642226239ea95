package it.filodiretto.web.api;

import it.filodiretto.web.audit.AuditResource;
import it.filodiretto.web.staff.StaffResource;
import it.filodiretto.web.system.ProbeResource;
import it.filodiretto.web.system.SystemResource;
import jakarta.ws.rs.ApplicationPath;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The JSON API under {@code /api}: {@code /api/v1/...} for the city's systems and automation. The
 * webhook and the sandbox have applications of their own, so each path prefix serves only its resources:
 * a new API resource is added here.
 */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Filo Diretto API", version = "v1", description = "The city's WhatsApp channel: staff, consents, audit, campaigns and emergencies. HTTP Basic with staff accounts; "
        + "errors are {\"error\",\"message\"} with 400, 401, 403, 404 or 409."))
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(StaffResource.class, SystemResource.class, ProbeResource.class, AuditResource.class,
                it.filodiretto.web.consent.ConsentResource.class,
                it.filodiretto.web.campaign.CampaignResource.class, it.filodiretto.web.campaign.EmergencyResource.class,
                it.filodiretto.web.campaign.DispatchResource.class,
                it.filodiretto.web.assistant.KnowledgeResource.class, it.filodiretto.web.assistant.AssistantResource.class,
                DomainExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
