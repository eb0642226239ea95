package it.filodiretto.web.console;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.web.i18n.Texts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns results and refusals of use cases into faces messages in the user's language. */
@RequestScoped
public class FacesFeedback {

    private static final Logger LOG = Logger.getLogger(FacesFeedback.class.getName());

    @Inject
    FacesContext faces;

    private Locale locale() {
        return faces.getViewRoot() == null ? Texts.ITALIAN : faces.getViewRoot().getLocale();
    }

    public void info(String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Texts.text(locale(), key, arguments), null));
    }

    public void error(String key, Object... arguments) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Texts.text(locale(), key, arguments), null));
        faces.validationFailed();
    }

    /** A refusal of the domain, or an unexpected failure (logged, shown as a generic message). */
    public void failure(RuntimeException e) {
        DomainException domain = DomainExceptions.find(e);
        if (domain != null) {
            error(domain.messageKey(), domain.arguments());
            return;
        }
        if (DomainExceptions.isConcurrentChange(e)) {
            error("error.concurrentChange");
            return;
        }
        LOG.log(Level.WARNING, "Unexpected failure in a console action", e);
        error("error.unexpected");
    }
}
