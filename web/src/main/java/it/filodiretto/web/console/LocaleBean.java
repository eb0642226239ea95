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
            locale = faces == null ? Texts.ITALIAN
                    : Texts.of((jakarta.servlet.http.HttpServletRequest) faces.getExternalContext().getRequest());
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
