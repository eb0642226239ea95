package it.filodiretto.web.consent;

import it.filodiretto.domain.consent.WebSubscriptions;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The public page {@code /cancellati.xhtml}: leaving the channel, confirmed on WhatsApp. */
@Named
@RequestScoped
public class UnsubscribePageBean {

    @Inject
    WebSubscriptions web;

    @Inject
    FacesFeedback feedback;

    private String number;
    private boolean sent;

    public void submit() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        try {
            web.requestUnsubscription(number, request.getRemoteAddr(), request.getHeader("User-Agent"));
            sent = true;
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public boolean isSent() {
        return sent;
    }
}
