package it.filodiretto.domain.assistant;

import java.util.Set;

/**
 * Which of the assistant's languages a question is written in: English when it uses more English function
 * words than Italian ones, Italian otherwise (the city's language is the default).
 */
public final class QuestionLanguage {

    private static final Set<String> ENGLISH = Set.of("the", "is", "are", "how", "what", "where", "when", "do", "does", "can",
            "i", "my", "to", "for", "of", "a", "an", "in", "which", "who", "should", "need", "get", "have", "you", "your",
            "hello", "hi", "please", "thanks", "opening", "hours", "open", "register", "there", "it", "and", "with");
    private static final Set<String> ITALIAN = Set.of("il", "lo", "la", "le", "gli", "di", "da", "per", "come", "dove", "quando",
            "che", "cosa", "non", "mi", "ho", "e", "un", "una", "del", "della", "al", "alla", "sono", "posso", "devo", "si",
            "ciao", "buongiorno", "grazie", "quanto", "quali", "quale", "con", "nel", "nella", "orari", "x", "chi", "perche", "mio", "mia");

    private QuestionLanguage() {
    }

    public static String of(String question) {
        int en = 0;
        int it = 0;
        for (String word : SensitiveTopics.fold(question == null ? "" : question).split(" ")) {
            if (ENGLISH.contains(word)) {
                en++;
            }
            if (ITALIAN.contains(word)) {
                it++;
            }
        }
        return en > it ? "en" : "it";
    }
}
