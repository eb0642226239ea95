package it.filodiretto.web.consent;

import it.filodiretto.domain.consent.Topics;
import it.filodiretto.domain.consent.WebSubscriptions;
import it.filodiretto.web.console.FacesFeedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The public subscription page {@code /iscriviti.xhtml} (double opt-in on WhatsApp). */
@Named
@RequestScoped
public class SubscribePageBean {

    @Inject
    WebSubscriptions web;

    @Inject
    Topics topics;

    @Inject
    FacesFeedback feedback;

    private String number;
    private List<String> chosen = new ArrayList<>();
    private List<String> places = new ArrayList<>();
    private String language = "it";
    private boolean consent;
    private boolean sent;

    public void submit() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        try {
            web.request(number, new LinkedHashSet<>(chosen), new LinkedHashSet<>(places), language, consent, request.getRemoteAddr(),
                    request.getHeader("User-Agent"));
            sent = true;
            feedback.info("web.sent");
        } catch (RuntimeException e) {
            feedback.failure(e);
        }
    }

    public List<String> getTopicCodes() {
        return topics.codes();
    }

    /** Topic names in the page's language. */
    public String topicLabel(String code) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String pageLanguage = faces == null || faces.getViewRoot() == null ? "it" : faces.getViewRoot().getLocale().getLanguage();
        return topics.label(code, pageLanguage);
    }

    public List<String> getPlaces() {
        return places;
    }

    public void setPlaces(List<String> places) {
        this.places = places;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public List<String> getChosen() {
        return chosen;
    }

    public void setChosen(List<String> chosen) {
        this.chosen = chosen;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public boolean isSent() {
        return sent;
    }
}
