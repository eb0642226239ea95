package it.filodiretto.domain.campaign;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.consent.PurposesChanged;
import it.filodiretto.domain.consent.Topics;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Messages the system itself must send to everybody, through the same dispatch engine as campaigns: the
 * consent re-confirmation when a privacy notice changes its purposes (template with a one-tap button whose
 * payload renews the consent). It needs no editorial review — the privacy officer's publication decided it,
 * and both are audited — and it is scheduled at once (outside quiet hours: their end).
 */
@Stateless
public class SystemBroadcasts {

    private static final Logger LOG = Logger.getLogger(SystemBroadcasts.class.getName());
    static final String RENEW_PAYLOAD = "consent:renew";

    @Inject
    CampaignRepository repository;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    @Inject
    TemplateRegistry templates;

    @Inject
    Topics topics;

    @Inject
    Campaigns campaigns;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.reconsent-template", defaultValue = "rinnovo_consenso")
    String template;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    public void reconfirm(@Observes PurposesChanged change) {
        MessageTemplate approved = templates.find(template, "it").filter(MessageTemplate::isApproved).orElse(null);
        if (approved == null) {
            LOG.warning(() -> "no approved template " + template + ": subscribers are asked to re-confirm only when they next write");
            return;
        }
        var now = time.now();
        String due = change.dueBy().atZoneSameInstant(QuietHours.ROME).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        CampaignContent content = new CampaignContent("Rinnovo del consenso: informativa v" + change.noticeVersion(),
                Set.copyOf(topics.codes()),
                Set.of(), approved.name(), approved.language(), List.of(), List.of(cityName, due, change.noticeUrl()), null,
                change.dueBy());
        Campaign campaign = new Campaign(content, Priority.NORMAL, Actor.SYSTEM.name(), now);
        campaign.buttonPayloads(approved.quickReplies().isEmpty() ? List.of() : List.of(RENEW_PAYLOAD));
        repository.add(campaign);
        String why = "privacy_notice:" + change.noticeVersion(); // a reference, not prose: the page shows it next to the step
        var at = campaigns.quietHours().map(q -> q.nextAllowed(now)).orElse(now);
        campaign.scheduleAsSystem(at, now);
        repository.record(new CampaignEvent(campaign.id(), CampaignEvent.Kind.SCHEDULED, Actor.SYSTEM.name(), CampaignState.DRAFT,
                CampaignState.SCHEDULED, why, content.toJson().toString(), now));
        audit.record(Actor.SYSTEM, AuditAction.CAMPAIGN_SCHEDULED, "campaign", campaign.id().toString(),
                Map.of("reason", why, "at", at.toString(), "subscribers", change.subscribers()));
    }
}
