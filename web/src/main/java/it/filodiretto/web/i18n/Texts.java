package it.filodiretto.web.i18n;

import it.filodiretto.domain.common.DomainException;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing texts from the {@code messages} bundles, in Italian (default) or English. */
public final class Texts {

    public static final String BUNDLE = "it.filodiretto.web.i18n.messages";
    public static final Locale ITALIAN = Locale.ITALIAN;
    public static final List<Locale> SUPPORTED = List.of(Locale.ITALIAN, Locale.ENGLISH);

    private Texts() {
    }

    public static String text(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, supported(locale), Texts.class.getClassLoader());
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public static String text(Locale locale, DomainException e) {
        return text(locale, e.messageKey(), e.arguments());
    }

    /** The visitor's language from Accept-Language; Italian when the header is absent or unsupported. */
    public static Locale of(jakarta.servlet.http.HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? ITALIAN : supported(request.getLocale());
    }

    /** The caller's language from a JAX-RS list of acceptable languages; Italian when none or "*". */
    public static Locale of(java.util.List<Locale> acceptable) {
        return supported(acceptable == null || acceptable.isEmpty() || "*".equals(acceptable.get(0).toString()) ? null : acceptable.get(0));
    }

    /** The supported locale closest to the one asked for; Italian when none matches. */
    public static Locale supported(Locale requested) {
        if (requested == null) {
            return ITALIAN;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(requested.getLanguage())).findFirst().orElse(ITALIAN);
    }
}
