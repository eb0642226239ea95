package it.filodiretto.web.console;

import it.filodiretto.web.i18n.Texts;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Locale;

/** The console language of this session: from the browser at first, then as the user picks it. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            FacesContext faces = FacesContext.getCurrentInstance();
            locale = Texts.supported(faces == null ? null : faces.getExternalContext().getRequestLocale());
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public void switchTo(String language) {
        locale = Texts.supported(Locale.forLanguageTag(language));
        FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    }
}
