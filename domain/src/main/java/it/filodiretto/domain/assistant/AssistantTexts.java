package it.filodiretto.domain.assistant;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** What the assistant writes to citizens, from the {@code assistant} bundles (Italian by default, English). */
final class AssistantTexts {

    private static final String BUNDLE = "it.filodiretto.domain.assistant.assistant";

    private AssistantTexts() {
    }

    static String text(String language, String key, Object... arguments) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.ITALIAN;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, AssistantTexts.class.getClassLoader());
        try {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
