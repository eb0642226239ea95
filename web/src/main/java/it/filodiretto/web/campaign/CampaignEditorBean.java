package it.filodiretto.web.campaign;

import it.filodiretto.domain.campaign.Audience;
import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CampaignContent;
import it.filodiretto.domain.campaign.CampaignState;
import it.filodiretto.domain.campaign.Campaigns;
import it.filodiretto.domain.campaign.QuietHours;
import it.filodiretto.domain.consent.Topics;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.web.console.FacesFeedback;
import it.filodiretto.web.security.Callers;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The campaign editor: content, audience and time, with a live phone preview (WhatsApp formatting, the
 * template rendered with the parameters, character counts against WhatsApp's limits), the audience size
 * and the estimated send duration. Saving carries the version the editor started from.
 */
@Named
@ViewScoped
public class CampaignEditorBean implements Serializable {

    @Inject
    transient Campaigns campaigns;

    @Inject
    transient TemplateRegistry templates;

    @Inject
    transient Audience audience;

    @Inject
    transient Topics topics;

    @Inject
    transient FacesFeedback feedback;

    private Long id;
    private long version;
    private boolean loaded;
    private CampaignState state;
    private String title;
    private List<String> chosenTopics = new ArrayList<>();
    private List<String> places = new ArrayList<>();
    private String template;
    private List<TemplateParameter> header = new ArrayList<>();
    private List<TemplateParameter> body = new ArrayList<>();
    private LocalDateTime scheduledAt;
    private LocalDateTime expiresAt;
    private String headerMedia;
    private String link;

    /** Loads the campaign of the {@code id} parameter once per view. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (id == null) {
            return;
        }
        try {
            Campaign c = campaigns.find(id);
            CampaignContent content = c.content();
            version = c.version();
            state = c.state();
            title = content.title();
            chosenTopics = new ArrayList<>(content.topics());
            places = new ArrayList<>(content.neighbourhoods());
            template = content.templateName() + "|" + content.language();
            header = TemplateParameter.of(content.headerParameters());
            body = TemplateParameter.of(content.bodyParameters());
            scheduledAt = content.scheduledAt() == null ? null : content.scheduledAt().atZoneSameInstant(QuietHours.ROME).toLocalDateTime();
            expiresAt = content.expiresAt() == null ? null : content.expiresAt().atZoneSameInstant(QuietHours.ROME).toLocalDateTime();
            headerMedia = content.headerMedia();
            link = content.link();
            fitParameters();
        } catch (RuntimeException e) {
            feedback.failure(e);
            id = null;
        }
    }

    public void templateChanged() {
        fitParameters();
    }

    /** As many inputs as the template has parameters (values typed so far are kept). */
    private void fitParameters() {
        chosenTemplate().ifPresent(t -> {
            header = TemplateParameter.resize(header, t.headerParameterCount());
            body = TemplateParameter.resize(body, t.bodyParameterCount());
        });
    }

    public Optional<MessageTemplate> chosenTemplate() {
        if (template == null || !template.contains("|")) {
            return Optional.empty();
        }
        String[] parts = template.split("\\|", 2);
        return templates.find(parts[0], parts[1]);
    }

    public WhatsAppPreview.Rendered getPreview() {
        return chosenTemplate()
                .map(t -> WhatsAppPreview.render(t, TemplateParameter.values(header), TemplateParameter.values(body), headerMedia, link))
                .orElse(null);
    }

    public long getAudienceSize() {
        if (chosenTopics.isEmpty()) {
            return 0;
        }
        try {
            return audience.count(new LinkedHashSet<>(chosenTopics), new LinkedHashSet<>(places),
                    chosenTemplate().map(MessageTemplate::category).orElse(it.filodiretto.domain.whatsapp.MessageCategory.UTILITY));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Seconds to send to the whole audience at the configured rate. */
    public long getEstimatedSeconds() {
        return (long) Math.ceil(getAudienceSize() / (double) Math.max(1, getRatePerSecond()));
    }

    /** The configured send rate (the same key the dispatch engine obeys). */
    public int getRatePerSecond() {
        return ConfigProvider.getConfig().getOptionalValue("filodiretto.dispatch.rate-per-second", Integer.class).orElse(80);
    }

    public void save() {
        try {
            persist();
            feedback.info("campaigns.saved", id);
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void submit() throws IOException {
        try {
            persist();
            campaigns.submit(id, Callers.current());
        } catch (RuntimeException e) {
            feedback.failure(e);
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        feedback.info("campaigns.submitted", id);
        faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/console/campaigns/view.xhtml?id=" + id);
    }

    private void persist() {
        String[] parts = template == null ? new String[]{"", "it"} : template.split("\\|", 2);
        CampaignContent content = new CampaignContent(title, new LinkedHashSet<>(chosenTopics), new LinkedHashSet<>(places), parts[0],
                parts.length > 1 ? parts[1] : "it", TemplateParameter.values(header), TemplateParameter.values(body), rome(scheduledAt),
                rome(expiresAt),
                headerMedia, link);
        Campaign saved = id == null ? campaigns.create(content, Callers.current())
                : campaigns.update(id, version, content, Callers.current());
        id = saved.id();
        version = saved.version();
        state = saved.state();
    }

    private static OffsetDateTime rome(LocalDateTime local) {
        return local == null ? null : local.atZone(QuietHours.ROME).toOffsetDateTime();
    }

    public boolean isEditable() {
        return Callers.current().has(Role.EDITOR) && (state == null || state.isEditable());
    }

    public List<MessageTemplate> getTemplates() {
        return templates.approved();
    }

    public List<String> getTopicCodes() {
        return topics.codes();
    }

    public String topicLabel(String code) {
        return topics.label(code, FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public long getVersion() {
        return version;
    }

    public String getState() {
        return state == null ? null : state.name();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public List<String> getChosenTopics() {
        return chosenTopics;
    }

    public void setChosenTopics(List<String> chosenTopics) {
        this.chosenTopics = chosenTopics;
    }

    public List<String> getPlaces() {
        return places;
    }

    public void setPlaces(List<String> places) {
        this.places = places;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public List<TemplateParameter> getHeader() {
        return header;
    }

    public List<TemplateParameter> getBody() {
        return body;
    }

    public LocalDateTime getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(LocalDateTime scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public String getHeaderMedia() {
        return headerMedia;
    }

    public void setHeaderMedia(String headerMedia) {
        this.headerMedia = headerMedia;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public boolean isMediaHeader() {
        return chosenTemplate().map(MessageTemplate::hasMediaHeader).orElse(false);
    }

    public boolean isLinkButton() {
        return chosenTemplate().map(MessageTemplate::needsLinkParameter).orElse(false);
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(LocalDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }
}
