package it.filodiretto.web.campaign;

import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.EmergencyAlerts;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.web.console.FacesFeedback;
import it.filodiretto.web.security.Callers;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** The civil-protection duty officer's page: an alert from a pre-approved template, sent at once after a confirmation. */
@Named
@ViewScoped
public class EmergencyBean implements Serializable {

    @Inject
    transient EmergencyAlerts alerts;

    @Inject
    transient TemplateRegistry templates;

    @Inject
    transient FacesFeedback feedback;

    private String template;
    private List<TemplateParameter> header = new ArrayList<>();
    private List<TemplateParameter> body = new ArrayList<>();
    private List<String> places = new ArrayList<>();
    private String reason;

    public List<String> getTemplateNames() {
        return alerts.templates();
    }

    public void templateChanged() {
        chosen().ifPresent(t -> {
            header = TemplateParameter.resize(List.of(), t.headerParameterCount());
            body = TemplateParameter.resize(List.of(), t.bodyParameterCount());
        });
    }

    private Optional<MessageTemplate> chosen() {
        return template == null ? Optional.empty() : templates.find(template, "it");
    }

    public WhatsAppPreview.Rendered getPreview() {
        return chosen().map(t -> WhatsAppPreview.render(t, TemplateParameter.values(header), TemplateParameter.values(body))).orElse(null);
    }

    public long getAudienceSize() {
        return alerts.audienceSize(new LinkedHashSet<>(places));
    }

    public void send() throws IOException {
        Campaign alert;
        try {
            alert = alerts.send(template, TemplateParameter.values(header), TemplateParameter.values(body), new LinkedHashSet<>(places),
                    reason, Callers.current());
        } catch (RuntimeException e) {
            feedback.failure(e);
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        feedback.info("emergency.sent", alert.id());
        faces.getExternalContext()
                .redirect(faces.getExternalContext().getRequestContextPath() + "/console/campaigns/view.xhtml?id=" + alert.id());
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

    public List<String> getPlaces() {
        return places;
    }

    public void setPlaces(List<String> places) {
        this.places = places;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
