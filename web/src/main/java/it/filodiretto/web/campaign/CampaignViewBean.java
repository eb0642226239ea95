package it.filodiretto.web.campaign;

import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CancellationPolicy;
import it.filodiretto.domain.campaign.CampaignEvent;
import it.filodiretto.domain.campaign.CampaignStats;
import it.filodiretto.domain.campaign.Campaigns;
import it.filodiretto.domain.campaign.Delivery;
import it.filodiretto.domain.campaign.QuietHours;
import it.filodiretto.domain.campaign.SendingControlPolicy;
import it.filodiretto.domain.common.PhoneMask;
import it.filodiretto.domain.consent.Topics;
import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.web.console.FacesFeedback;
import it.filodiretto.web.i18n.Texts;
import it.filodiretto.web.security.Callers;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * One campaign: exactly what will be sent (the phone preview), its audience and history, the diff against
 * the version reviewed before, the reviewer's and the sender's actions, and its statistics — live while
 * sending (polled), failures by WhatsApp error code with their meaning, a chart over time, and the
 * per-recipient table (numbers masked unless the user is the privacy officer).
 */
@Named
@ViewScoped
public class CampaignViewBean implements Serializable {

    /** One field that changed since the version reviewed before. */
    public record Change(String field, String before, String after) implements Serializable {
    }

    /** A row of the per-recipient table. */
    public record Recipient(long id, String phone, Delivery.State state, String sentAt, String deliveredAt, String readAt,
            Integer errorCode,
            boolean possibleDuplicate) implements Serializable {
    }

    @Inject
    transient Campaigns campaigns;

    @Inject
    transient CampaignStats stats;

    @Inject
    transient TemplateRegistry templates;

    @Inject
    transient it.filodiretto.domain.campaign.Audience audience;

    @Inject
    transient Topics topics;

    @Inject
    transient FacesFeedback feedback;

    private Long id;
    private Campaign campaign;
    private String comment;
    private LocalDateTime scheduleAt;

    private final LazyDataModel<Recipient> recipients = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) stats.counts(id).values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public List<Recipient> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            List<Delivery> page = stats.deliveries(id, first, pageSize);
            Map<Long, String> phones = stats.phones(page);
            boolean clear = Callers.current().has(Role.PRIVACY_OFFICER);
            List<Recipient> rows = new ArrayList<>();
            for (Delivery d : page) {
                String phone = phones.get(d.subscriberId());
                rows.add(new Recipient(d.id(), phone == null ? "citizen:" + d.subscriberId() : clear ? phone : PhoneMask.mask(phone),
                        d.state(),
                        time(d.sentAt()), time(d.deliveredAt()), time(d.readAt()), d.errorCode(), d.isPossibleDuplicate()));
            }
            return rows;
        }

        @Override
        public String getRowKey(Recipient r) {
            return String.valueOf(r.id());
        }
    };

    public void load() {
        if (campaign != null || id == null) {
            return;
        }
        try {
            campaign = campaigns.find(id);
            if (campaign.scheduledAt() != null) {
                scheduleAt = campaign.scheduledAt().atZoneSameInstant(QuietHours.ROME).toLocalDateTime();
            }
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void refresh() {
        campaign = campaigns.find(id);
    }

    private interface Action {
        Campaign run(Caller caller);
    }

    private void act(Action action, String doneKey) {
        try {
            campaign = action.run(Callers.current());
            comment = null;
            feedback.info(doneKey, campaign.id());
        } catch (RuntimeException e) {
            feedback.failure(e);
            refresh();
        }
    }

    public void approve() {
        act(c -> campaigns.approve(id, comment, c), "campaigns.done.approved");
    }

    public void requestChanges() {
        act(c -> campaigns.requestChanges(id, comment, c), "campaigns.done.changesRequested");
    }

    public void reject() {
        act(c -> campaigns.reject(id, comment, c), "campaigns.done.rejected");
    }

    public void schedule() {
        act(c -> campaigns.schedule(id, scheduleAt == null ? null : scheduleAt.atZone(QuietHours.ROME).toOffsetDateTime(), c),
                "campaigns.done.scheduled");
    }

    public void sendNow() {
        act(c -> campaigns.schedule(id, null, c), "campaigns.done.scheduled");
    }

    public void cancel() {
        act(c -> campaigns.cancel(id, comment, c), "campaigns.done.cancelled");
    }

    public void pause() {
        act(c -> campaigns.pause(id, c), "campaigns.done.paused");
    }

    public void resume() {
        act(c -> campaigns.resume(id, c), "campaigns.done.resumed");
    }

    public void stop() {
        act(c -> campaigns.stop(id, comment, c), "campaigns.done.stopped");
    }

    public void retryFailed() {
        act(c -> {
            campaigns.retryFailed(id, c);
            return campaigns.find(id);
        }, "campaigns.done.retried");
    }

    public void reviewAfterwards() {
        act(c -> campaigns.reviewAfterwards(id, comment, c), "campaigns.done.reviewed");
    }

    public WhatsAppPreview.Rendered getPreview() {
        return templates.find(campaign.templateName(), campaign.language())
                .map(t -> WhatsAppPreview.render(t, campaign.headerParameters(), campaign.bodyParameters(), campaign.headerMedia(),
                        campaign.linkParameter()))
                .orElse(null);
    }

    public List<CampaignEvent> getHistory() {
        return campaigns.history(id);
    }

    /** What changed since the version reviewed before (empty at the first review). */
    public List<Change> getChanges() {
        return campaigns.previouslyReviewed(id).map(before -> diff(JSON.createReader(new StringReader(before)).readObject(),
                campaign.content().toJson())).orElse(List.of());
    }

    static List<Change> diff(JsonObject before, JsonObject after) {
        List<Change> changes = new ArrayList<>();
        for (String field : after.keySet()) {
            JsonValue old = before.get(field);
            JsonValue now = after.get(field);
            if (!Objects.equals(old, now)) {
                changes.add(new Change(field, text(old), text(now)));
            }
        }
        return changes;
    }

    private static String text(JsonValue value) {
        if (value == null) {
            return "";
        }
        return value.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) value).getString() : value.toString();
    }

    public Map<Delivery.State, Long> getCounts() {
        return stats.counts(id);
    }

    public long getTotal() {
        return getCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Done share for the progress bar (everything not queued or in flight). */
    public int getProgress() {
        Map<Delivery.State, Long> counts = getCounts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long pending = counts.get(Delivery.State.QUEUED) + counts.get(Delivery.State.SENDING);
        return total == 0 ? 0 : (int) (100 * (total - pending) / total);
    }

    public List<CampaignStats.Failure> getFailures() {
        return stats.failures(id);
    }

    /** WhatsApp's error code in words, in the page's language. */
    public String meaning(int code) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        String key = "whatsapp.error." + code;
        String text = Texts.text(locale, key);
        return text.equals(key) || text.startsWith("???") ? Texts.text(locale, "whatsapp.error.other") : text;
    }

    /** Chart.js configuration: sent, delivered, read and failed per minute. */
    public String getChart() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder[] series = {JSON.createArrayBuilder(), JSON.createArrayBuilder(), JSON.createArrayBuilder(),
                JSON.createArrayBuilder()};
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        for (CampaignStats.Minute m : stats.timeline(id)) {
            labels.add(m.at().atZoneSameInstant(QuietHours.ROME).format(hhmm));
            series[0].add(m.sent());
            series[1].add(m.delivered());
            series[2].add(m.read());
            series[3].add(m.failed());
        }
        String[] names = {"SENT", "DELIVERED", "READ", "FAILED"};
        String[] colours = {"#1565c0", "#2e7d32", "#6a1b9a", "#c62828"};
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < 4; i++) {
            datasets.add(
                    JSON.createObjectBuilder().add("label", Texts.text(locale, "campaigns.delivery." + names[i])).add("data", series[i])
                            .add("borderColor", colours[i]).add("backgroundColor", colours[i]).add("fill", false));
        }
        return JSON.createObjectBuilder().add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder().add("beginAtZero", true))))
                .build().toString();
    }

    /** Who would receive it now (before it starts; afterwards the deliveries tell). */
    public long getAudienceNow() {
        return templates.find(campaign.templateName(), campaign.language())
                .map(t -> audience.count(campaign.topics(), campaign.neighbourhoods(), t.category())).orElse(0L);
    }

    public List<String> getWarnings() {
        return campaign == null ? List.of() : campaigns.warnings(campaign);
    }

    public boolean isLive() {
        return campaign != null && campaign.isLive();
    }

    public boolean isReviewer() {
        return Callers.current().has(Role.REVIEWER);
    }

    public boolean isSendingController() {
        return SendingControlPolicy.allows(Callers.current(), campaign);
    }

    /** Whether the cancel button is for this user (the state table decides whether it shows now). */
    public boolean isCanceller() {
        return CancellationPolicy.allows(Callers.current(), campaign);
    }

    public String topicLabels() {
        return topics.labels(campaign.topics(), FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
    }

    private static String time(java.time.OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(QuietHours.ROME).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));
    }

    public LazyDataModel<Recipient> getRecipients() {
        return recipients;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public LocalDateTime getScheduleAt() {
        return scheduleAt;
    }

    public void setScheduleAt(LocalDateTime scheduleAt) {
        this.scheduleAt = scheduleAt;
    }
}
