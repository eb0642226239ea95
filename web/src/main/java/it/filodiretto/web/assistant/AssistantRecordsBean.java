package it.filodiretto.web.assistant;

import it.filodiretto.domain.assistant.AssistantRecords;
import it.filodiretto.domain.assistant.Exchange;
import it.filodiretto.domain.common.TimeSource;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The assistant's records for operators: questions, retrieved articles, answers, modes, handoffs; exportable. */
@Named
@ViewScoped
public class AssistantRecordsBean implements Serializable {

    @Inject
    transient AssistantRecords records;

    @Inject
    transient TimeSource time;

    private LocalDate from;
    private LocalDate to;
    private Exchange.Kind kind;

    private final LazyDataModel<Exchange> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return records.count(start(), end(), kind);
        }

        @Override
        public List<Exchange> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return records.list(start(), end(), kind, first, pageSize);
        }

        @Override
        public String getRowKey(Exchange e) {
            return e.id().toString();
        }
    };

    @PostConstruct
    void init() {
        to = time.now().toLocalDate();
        from = to.minusDays(7);
    }

    private OffsetDateTime start() {
        return (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private OffsetDateTime end() {
        return (to == null ? time.now().toLocalDate() : to).plusDays(1).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }

    public Map<String, Object> getCounts() {
        return records.counts(start(), end());
    }

    /** The exporter's pre-processor: an export of records is audited (who, how many rows). */
    public void exported(Object document) {
        records.exported(FacesContext.getCurrentInstance().getExternalContext().getRemoteUser(), records.count(start(), end(), kind));
    }

    public String masked(Exchange e) {
        return e.address().startsWith("+") ? it.filodiretto.domain.common.PhoneMask.mask(e.address()) : e.address();
    }

    public LazyDataModel<Exchange> getModel() {
        return model;
    }

    public Exchange.Kind[] getKinds() {
        return Exchange.Kind.values();
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Exchange.Kind getKind() {
        return kind;
    }

    public void setKind(Exchange.Kind kind) {
        this.kind = kind;
    }
}
