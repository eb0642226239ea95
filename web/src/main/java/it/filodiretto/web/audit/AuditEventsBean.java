package it.filodiretto.web.audit;

import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditEvent;
import it.filodiretto.domain.audit.CanonicalForm;
import it.filodiretto.domain.audit.AuditEvents;
import it.filodiretto.domain.audit.AuditFilter;
import it.filodiretto.domain.audit.AuditVerification;
import it.filodiretto.domain.audit.Checkpoint;
import it.filodiretto.domain.audit.VerificationResult;
import it.filodiretto.domain.common.CityTime;
import it.filodiretto.web.console.Downloads;
import it.filodiretto.web.console.FacesFeedback;
import it.filodiretto.web.console.ShellBean;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.StreamedContent;

import java.io.Serializable;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static it.filodiretto.domain.common.Jsons.JSON;

/** The privacy officer's audit page: filtered lazy table, details, CSV export, verification, checkpoint. */
@Named
@ViewScoped
public class AuditEventsBean implements Serializable {

    @Inject
    transient AuditEvents events;

    @Inject
    transient AuditVerification verification;

    @Inject
    transient FacesFeedback feedback;

    @Inject
    ShellBean shell;

    private LocalDate from;
    private LocalDate to;
    private String actor;
    private String action;
    private String targetType;
    private String targetId;

    private AuditEvent selected;
    private VerificationResult lastResult;
    private Long checkpointSequence;
    private String checkpointHash;

    private final LazyDataModel<AuditEvent> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, events.count(filter()));
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return events.page(filter(), first, pageSize, true);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return Long.toString(event.sequence());
        }

        @Override
        public AuditEvent getRowData(String rowKey) {
            return events.bySequence(Long.parseLong(rowKey));
        }
    };

    public AuditFilter filter() {
        return new AuditFilter(
                from == null ? null : from.atStartOfDay(CityTime.ZONE).toOffsetDateTime(),
                to == null ? null : to.plusDays(1).atStartOfDay(CityTime.ZONE).toOffsetDateTime(),
                actor, action, targetType, targetId);
    }

    public void clearFilters() {
        from = null;
        to = null;
        actor = null;
        action = null;
        targetType = null;
        targetId = null;
    }

    public void recordExport() {
        verification.recordExport(filter(), "csv", user());
    }

    public void verify() {
        try {
            Checkpoint earlier = checkpointSequence == null && (checkpointHash == null || checkpointHash.isBlank())
                    ? null : new Checkpoint(checkpointSequence == null ? -1 : checkpointSequence, checkpointHash, null);
            lastResult = verification.verify(earlier, user());
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public StreamedContent getCheckpointFile() {
        Checkpoint head = verification.checkpoint(user());
        return Downloads.text(head.printable(shell.getCityName()), "audit-checkpoint-" + head.sequence() + ".txt");
    }

    /** The details JSON, indented for reading. */
    /** The time exactly as the hash covers it (UTC, milliseconds), for the CSV export. */
    public String canonicalTime(AuditEvent event) {
        return CanonicalForm.formatTime(event.occurredAt());
    }

    public String prettyDetails(AuditEvent event) {
        if (event == null) {
            return "";
        }
        try {
            return Downloads.pretty(JSON.createReader(new StringReader(event.details())).read());
        } catch (RuntimeException e) {
            return event.details();
        }
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public LazyDataModel<AuditEvent> getModel() {
        return model;
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

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTargetType() {
        return targetType;
    }

    public void setTargetType(String targetType) {
        this.targetType = targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public void setTargetId(String targetId) {
        this.targetId = targetId;
    }

    public AuditEvent getSelected() {
        return selected;
    }

    public void setSelected(AuditEvent selected) {
        this.selected = selected;
    }

    public VerificationResult getLastResult() {
        return lastResult;
    }

    public Long getCheckpointSequence() {
        return checkpointSequence;
    }

    public void setCheckpointSequence(Long checkpointSequence) {
        this.checkpointSequence = checkpointSequence;
    }

    public String getCheckpointHash() {
        return checkpointHash;
    }

    public void setCheckpointHash(String checkpointHash) {
        this.checkpointHash = checkpointHash;
    }
}
