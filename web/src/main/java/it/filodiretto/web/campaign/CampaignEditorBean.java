package it.filodiretto.web.campaign;

import it.filodiretto.domain.campaign.Audience;
import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CampaignContent;
import it.filodiretto.domain.campaign.Campaigns;
import it.filodiretto.domain.campaign.QuietHours;
import it.filodiretto.domain.consent.Neighbourhoods;
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

    /** One template parameter as an input (ui:repeat needs a property to bind). */
    public static class Parameter implements Serializable {
        private String value;

        public Parameter(String value) {
            this.value = value;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public int getLength() {
            return value == null ? 0 : value.length();
        }
    }

    @Inject
    transient Campaigns campaigns;

    @Inject
    transient TemplateRegistry templates;

    @Inject
    transient Audience audience;

    @Inject
    transient Topics topics;

    @Inject
    transient Neighbourhoods neighbourhoods;

    @Inject
    transient FacesFeedback feedback;


    private Long id;
    private long version;
    private boolean loaded;
    private String state;
    private String title;
    private List<String> chosenTopics = new ArrayList<>();
    private List<String> places = new ArrayList<>();
    private String template;
    private List<Parameter> header = new ArrayList<>();
    private List<Parameter> body = new ArrayList<>();
    private LocalDateTime scheduledAt;
    private LocalDateTime expiresAt;

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
            state = c.state().name();
            title = content.title();
            chosenTopics = new ArrayList<>(content.topics());
            places = new ArrayList<>(content.neighbourhoods());
            template = content.templateName() + "|" + content.language();
            header = new ArrayList<>(content.headerParameters().stream().map(Parameter::new).toList());
            body = new ArrayList<>(content.bodyParameters().stream().map(Parameter::new).toList());
            scheduledAt = content.scheduledAt() == null ? null : content.scheduledAt().atZoneSameInstant(QuietHours.ROME).toLocalDateTime();
            expiresAt = content.expiresAt() == null ? null : content.expiresAt().atZoneSameInstant(QuietHours.ROME).toLocalDateTime();
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
            header = resize(header, t.headerParameterCount());
            body = resize(body, t.bodyParameterCount());
        });
    }

    private static List<Parameter> resize(List<Parameter> current, int size) {
        List<Parameter> result = new ArrayList<>(current.subList(0, Math.min(size, current.size())));
        while (result.size() < size) {
            result.add(new Parameter(""));
        }
        return result;
    }

    public Optional<MessageTemplate> chosenTemplate() {
        if (template == null || !template.contains("|")) {
            return Optional.empty();
        }
        String[] parts = template.split("\\|", 2);
        return templates.find(parts[0], parts[1]);
    }

    public WhatsAppPreview.Rendered getPreview() {
        return chosenTemplate().map(t -> WhatsAppPreview.render(t, values(header), values(body))).orElse(null);
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
                parts.length > 1 ? parts[1] : "it", values(header), values(body), rome(scheduledAt), rome(expiresAt));
        Campaign saved = id == null ? campaigns.create(content, Callers.current()) : campaigns.update(id, version, content, Callers.current());
        id = saved.id();
        version = saved.version();
        state = saved.state().name();
    }

    private static OffsetDateTime rome(LocalDateTime local) {
        return local == null ? null : local.atZone(QuietHours.ROME).toOffsetDateTime();
    }

    private static List<String> values(List<Parameter> parameters) {
        return parameters.stream().map(p -> p.getValue() == null ? "" : p.getValue()).toList();
    }

    public boolean isEditable() {
        return Callers.current().has(Role.EDITOR) && (state == null || "DRAFT".equals(state) || "CHANGES_REQUESTED".equals(state));
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

    public boolean isNeighbourhoodsEnabled() {
        return neighbourhoods.enabled();
    }

    public List<String> getNeighbourhoodCodes() {
        return neighbourhoods.codes();
    }

    public String neighbourhoodLabel(String code) {
        return neighbourhoods.label(code);
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
        return state;
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

    public List<Parameter> getHeader() {
        return header;
    }

    public List<Parameter> getBody() {
        return body;
    }

    public LocalDateTime getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(LocalDateTime scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(LocalDateTime expiresAt) {
        this.expiresAt = expiresAt;
    }
}
