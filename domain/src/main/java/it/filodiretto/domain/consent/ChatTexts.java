package it.filodiretto.domain.consent;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** What the channel writes to citizens, from the {@code chat} bundles (Italian by default, English). */
final class ChatTexts {

    private static final String BUNDLE = "it.filodiretto.domain.consent.chat";

    private ChatTexts() {
    }

    static String text(String language, String key, Object... arguments) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.ITALIAN;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, ChatTexts.class.getClassLoader());
        try {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
