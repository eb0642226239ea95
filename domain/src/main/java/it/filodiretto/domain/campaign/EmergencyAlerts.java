package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emergency fast lane (role EMERGENCY): an alert from a pre-approved template goes at once to every
 * active subscriber of the emergencies topic (optionally of some neighbourhoods), with a mandatory reason,
 * a short expiry, no prior review — it lands in the reviewers' post-hoc queue — and ahead of any normal
 * campaign that is sending. Quiet hours do not apply.
 */
@Stateless
public class EmergencyAlerts {

    @Inject
    CampaignRepository repository;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    @Inject
    TemplateRegistry templates;

    @Inject
    Campaigns campaigns;

    @Inject
    Audience audience;

    @Inject
    Dispatch dispatch;

    @Inject
    @ConfigProperty(name = "filodiretto.emergency.templates", defaultValue = "allerta_meteo,avviso_protezione_civile")
    String allowedTemplates;

    @Inject
    @ConfigProperty(name = "filodiretto.emergency.topic", defaultValue = "emergencies")
    String topic;

    @Inject
    @ConfigProperty(name = "filodiretto.emergency.expiry-minutes", defaultValue = "120")
    int expiryMinutes;

    public List<String> templates() {
        return Arrays.stream(allowedTemplates.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public long audienceSize(Set<String> neighbourhoods) {
        return audience.count(Set.of(topic), neighbourhoods, it.filodiretto.domain.whatsapp.MessageCategory.UTILITY);
    }

    public Campaign send(String templateName, List<String> headerParameters, List<String> bodyParameters, Set<String> neighbourhoods,
            String reason, Caller caller) {
        Campaigns.require(caller, Role.EMERGENCY);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new DomainException(DomainError.EMERGENCY_REASON_REQUIRED);
        }
        if (why.length() > 1000) {
            throw new DomainException(DomainError.EMERGENCY_REASON_TOO_LONG);
        }
        if (!templates().contains(templateName)) {
            throw new DomainException(DomainError.EMERGENCY_TEMPLATE, String.join(", ", templates()));
        }
        MessageTemplate template = templates.checked(templateName, "it", headerParameters, bodyParameters);
        OffsetDateTime now = time.now();
        String title = "⚠ " + template.name() + " "
                + now.atZoneSameInstant(QuietHours.ROME).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
        CampaignContent content = new CampaignContent(title, Set.of(topic), neighbourhoods, template.name(), template.language(),
                headerParameters, bodyParameters, null, now.plusMinutes(expiryMinutes));
        campaigns.checkCatalogueAndTimes(content);
        if (audience.count(content.topics(), content.neighbourhoods(), template.category()) == 0) {
            throw new DomainException(DomainError.CAMPAIGN_EMPTY_AUDIENCE);
        }
        Campaign campaign = new Campaign(content, Priority.EMERGENCY, caller.username(), now);
        campaign.emergency(why);
        repository.add(campaign);
        repository.record(new CampaignEvent(campaign.id(), CampaignEvent.Kind.FAST_LANE, caller.username(), null, CampaignState.DRAFT, why,
                content.toJson().toString(), now));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", why);
        details.put("template", template.name());
        details.put("neighbourhoods", List.copyOf(content.neighbourhoods()));
        audit.record(Actor.staff(caller.username()), AuditAction.EMERGENCY_SENT, "campaign", campaign.id().toString(), details);
        dispatch.start(campaign.id(), caller.username());
        return campaign;
    }
}
