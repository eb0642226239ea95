package it.filodiretto.domain.assistant;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Questions the assistant must never answer by itself: health emergencies, violence, self-harm. They get a
 * fixed answer with the emergency numbers and a human operator. Matched on the lower-case, accent-free text,
 * by word beginnings, so that "picchiata", "suicidio" or "non respira piu" are caught with their variants.
 */
public final class SensitiveTopics {

    private static final List<String> STEMS = List.of(
            // self-harm
            "suicid", "uccidermi", "ammazzarmi", "togliermi la vita", "farla finita", "farmi del male", "autolesion",
            "non voglio piu vivere", "voglio morire", "kill myself", "self harm", "hurt myself", "end my life",
            // violence
            "mi picchia", "picchiat", "violenz", "violentat", "maltratt", "stupr", "abusat", "aggredit", "stalker",
            "mi perseguita", "mi minaccia", "domestic violence", "abuse", "rape ", "beaten",
            // health emergencies
            "infarto", "ictus", "non respira", "svenut", "sviene", "emorragi", "perde sangue", "overdose", "avvelenat",
            "ambulanz", "dolore al petto", "crisi respiratori", "convulsion", "heart attack", "not breathing", "unconscious",
            "bleeding", "poisoned");

    private static final Pattern PATTERN = Pattern
            .compile("(?<![a-z])(" + String.join("|", STEMS.stream().map(Pattern::quote).toList()) + ")");

    private SensitiveTopics() {
    }

    public static boolean concern(String question) {
        return question != null && PATTERN.matcher(" " + fold(question) + " ").find();
    }

    static String fold(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replace('\'', ' ').replaceAll("[^a-z0-9]+", " ");
    }
}
