package it.filodiretto.web.consent;

import it.filodiretto.domain.common.CityTime;
import it.filodiretto.domain.consent.ConsentRecord;
import it.filodiretto.domain.consent.ConsentRegister;
import it.filodiretto.domain.consent.RegisterFilter;
import it.filodiretto.domain.consent.Subscriber;
import it.filodiretto.domain.consent.Topics;
import it.filodiretto.web.console.Downloads;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import static it.filodiretto.domain.common.Jsons.JSON;

/** The privacy officer's consent register: subscribers, their consent history, receipts. */
@Named
@ViewScoped
public class ConsentRegisterBean implements Serializable {

    @Inject
    transient ConsentRegister register;

    @Inject
    transient Topics topics;

    @Inject
    transient it.filodiretto.domain.consent.Neighbourhoods neighbourhoodList;

    @Inject
    transient it.filodiretto.domain.consent.DataSubjectRights rights;

    private java.time.LocalDate erasureRequestedOn;

    @Inject
    transient FacesFeedback feedback;

    private Subscriber.State state;
    private String topic;
    private String number;
    private String neighbourhood;
    private ConsentRecord.Channel channel;
    private Integer noticeVersion;
    private java.time.LocalDate from;
    private java.time.LocalDate to;
    private Subscriber selected;
    private List<ConsentRecord> history = List.of();

    private final LazyDataModel<Subscriber> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            try {
                return (int) register.count(filter());
            } catch (RuntimeException e) {
                feedback.failure(e);
                return 0;
            }
        }

        @Override
        public List<Subscriber> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            try {
                return register.page(filter(), first, pageSize);
            } catch (RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public String getRowKey(Subscriber s) {
            return s.id().toString();
        }

        @Override
        public Subscriber getRowData(String rowKey) {
            return register.subscriber(Long.parseLong(rowKey));
        }
    };

    private RegisterFilter filter() {
        return new RegisterFilter(state, topic, number, neighbourhood, channel, noticeVersion,
                from == null ? null : from.atStartOfDay(CityTime.ZONE).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(CityTime.ZONE).toOffsetDateTime());
    }

    public void select(Subscriber subscriber) {
        selected = subscriber;
        history = register.history(subscriber.id());
    }

    public StreamedContent receipt(ConsentRecord record) {
        return Downloads.json(register.receipt(record.id(), user()), "consent-receipt-" + record.id() + ".json");
    }

    public StreamedContent getExport() {
        return Downloads.json(rights.export(selected.id(), user()), "subscriber-" + selected.id() + ".json");
    }

    public void erase() {
        try {
            rights.erase(selected.id(), erasureRequestedOn, user());
            feedback.info("consent.erased", selected.id());
            select(register.subscriber(selected.id()));
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** Chart.js configuration of the weekly subscriptions and withdrawals (last 12 weeks), labels in the page's language. */
    public String getWeeklyChart() {
        java.util.Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        jakarta.json.JsonArrayBuilder labels = JSON.createArrayBuilder();
        jakarta.json.JsonArrayBuilder granted = JSON.createArrayBuilder();
        jakarta.json.JsonArrayBuilder withdrawn = JSON.createArrayBuilder();
        for (ConsentRegister.WeekCount w : register.weekly(12)) {
            labels.add(w.weekStart().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM")));
            granted.add(w.subscriptions());
            withdrawn.add(w.withdrawals());
        }
        return JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder()
                                .add("label", it.filodiretto.web.i18n.Texts.text(locale, "consent.weekly.subscriptions"))
                                .add("data", granted).add("backgroundColor", "#2e7d32"))
                        .add(JSON.createObjectBuilder()
                                .add("label", it.filodiretto.web.i18n.Texts.text(locale, "consent.weekly.withdrawals"))
                                .add("data", withdrawn).add("backgroundColor", "#c62828"))))
                .add("options", JSON.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("scales", JSON.createObjectBuilder().add("y", JSON.createObjectBuilder()
                                .add("beginAtZero", true).add("ticks", JSON.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }

    public java.time.LocalDate getErasureRequestedOn() {
        return erasureRequestedOn;
    }

    public void setErasureRequestedOn(java.time.LocalDate erasureRequestedOn) {
        this.erasureRequestedOn = erasureRequestedOn;
    }

    /** The labels of a consent record's topics. */
    public String topicLabels(java.util.Set<String> codes) {
        return codes == null ? "" : topics.labels(codes, "it");
    }

    public String subscriberTopics(Subscriber subscriber) {
        return topics.labels(subscriber.topics(), "it");
    }

    public Subscriber.State[] getStates() {
        return Subscriber.State.values();
    }

    public List<String> getTopicCodes() {
        return topics.codes();
    }

    public String topicLabel(String code) {
        return topics.label(code, "it");
    }

    public LazyDataModel<Subscriber> getModel() {
        return model;
    }

    public ConsentRecord.Channel[] getChannels() {
        return ConsentRecord.Channel.values();
    }

    public java.util.Map<String, String> getNeighbourhoods() {
        return neighbourhoodList.all();
    }

    public String getNeighbourhood() {
        return neighbourhood;
    }

    public void setNeighbourhood(String neighbourhood) {
        this.neighbourhood = neighbourhood;
    }

    public ConsentRecord.Channel getChannel() {
        return channel;
    }

    public void setChannel(ConsentRecord.Channel channel) {
        this.channel = channel;
    }

    public Integer getNoticeVersion() {
        return noticeVersion;
    }

    public void setNoticeVersion(Integer noticeVersion) {
        this.noticeVersion = noticeVersion;
    }

    public java.time.LocalDate getFrom() {
        return from;
    }

    public void setFrom(java.time.LocalDate from) {
        this.from = from;
    }

    public java.time.LocalDate getTo() {
        return to;
    }

    public void setTo(java.time.LocalDate to) {
        this.to = to;
    }

    public Subscriber.State getState() {
        return state;
    }

    public void setState(Subscriber.State state) {
        this.state = state;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public Subscriber getSelected() {
        return selected;
    }

    public List<ConsentRecord> getHistory() {
        return history;
    }
}
