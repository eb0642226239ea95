package it.filodiretto.web.consent;

import it.filodiretto.domain.consent.ConsentRegister;
import it.filodiretto.domain.consent.DataSubjectRights;
import it.filodiretto.domain.consent.SubjectRequest;
import it.filodiretto.domain.consent.SubjectRequests;
import it.filodiretto.domain.consent.Subscriber;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.web.console.Downloads;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.StreamedContent;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The privacy officer's page of data-subject requests: the one-month deadline of each, registering one
 * that arrived by letter or e-mail, the export for an access request, the erasure for an erasure request.
 */
@Named
@ViewScoped
public class SubjectRequestsBean implements Serializable {

    @Inject
    transient SubjectRequests requests;

    @Inject
    transient DataSubjectRights rights;

    @Inject
    transient ConsentRegister register;

    @Inject
    transient TimeSource time;

    @Inject
    transient FacesFeedback feedback;

    private SubjectRequest.State state = SubjectRequest.State.OPEN;
    private List<SubjectRequest> rows;
    private String number;
    private SubjectRequest.Kind kind = SubjectRequest.Kind.ACCESS;
    private LocalDate receivedOn;
    private String note;
    private SubjectRequest selected;
    private String comment;

    @PostConstruct
    void load() {
        rows = requests.list(state);
    }

    public void filter() {
        load();
    }

    public void registerRequest() {
        try {
            SubjectRequest created = requests.register(number, kind, receivedOn, note, user());
            feedback.info("requests.registered", created.id(), created.dueOn().toString());
            number = null;
            note = null;
            receivedOn = null;
            load();
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void select(SubjectRequest request) {
        selected = request;
        comment = null;
    }

    public void complete() {
        try {
            requests.complete(selected.id(), comment, user());
            feedback.info(selected.kind() == SubjectRequest.Kind.ERASURE ? "requests.erased" : "requests.completed", selected.id());
            load();
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public void reject() {
        try {
            requests.reject(selected.id(), comment, user());
            feedback.info("requests.rejected", selected.id());
            load();
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public StreamedContent getExportJson() {
        return Downloads.json(rights.export(selected.subscriberId(), user()), "subscriber-" + selected.subscriberId() + ".json");
    }

    public StreamedContent getExportHtml() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return Downloads.html(ReadableExport.html(rights.export(selected.subscriberId(), user()), faces.getViewRoot().getLocale()),
                "subscriber-" + selected.subscriberId() + ".html");
    }

    /** The number while the subscriber still has one (masked nowhere: this page is the privacy officer's). */
    public String phone(SubjectRequest request) {
        Subscriber s = register.subscriber(request.subscriberId());
        return s.phone() == null ? "citizen:" + s.id() : s.phone();
    }

    public long daysLeft(SubjectRequest request) {
        return request.daysLeft(time.now().toLocalDate());
    }

    public boolean overdue(SubjectRequest request) {
        return request.isOverdue(time.now().toLocalDate());
    }

    public long getOverdueCount() {
        return requests.overdue();
    }

    private static String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public SubjectRequest.State[] getStates() {
        return SubjectRequest.State.values();
    }

    public SubjectRequest.Kind[] getKinds() {
        return SubjectRequest.Kind.values();
    }

    public List<SubjectRequest> getRows() {
        return rows;
    }

    public SubjectRequest.State getState() {
        return state;
    }

    public void setState(SubjectRequest.State state) {
        this.state = state;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public SubjectRequest.Kind getKind() {
        return kind;
    }

    public void setKind(SubjectRequest.Kind kind) {
        this.kind = kind;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public SubjectRequest getSelected() {
        return selected;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
