package it.filodiretto.domain.assistant;

import java.util.Set;

/**
 * Which of the assistant's languages a question is written in: English when it uses more English function
 * words than Italian ones, Italian otherwise (the city's language is the default).
 */
public final class QuestionLanguage {

    // words that read the same in both ("a", "i", "in", "no", "come") count for neither
    private static final Set<String> ENGLISH = Set.of("the", "is", "are", "was", "were", "be", "been", "how", "what", "where", "when",
            "why", "do", "does", "did", "can", "could", "would", "will", "should", "must", "my", "our", "your", "you", "we", "they", "he",
            "she", "it", "its", "to", "for", "of", "an", "on", "at", "from", "by", "with", "about", "into", "which", "who", "whom",
            "need", "needs", "get", "have", "has", "there", "this", "that", "these", "those", "and", "or", "if", "not", "any", "some",
            "much", "many", "here", "after", "before", "want", "find", "out", "up", "just", "than", "also", "hello", "hi", "please",
            "thanks", "thank", "opening", "hours", "open", "register", "pay", "i'm", "im", "dont", "don't", "cant", "can't", "there's",
            "whats", "what's", "am", "still", "yet", "only", "new", "old", "right", "now");
    private static final Set<String> ITALIAN = Set.of("il", "lo", "la", "le", "gli", "di", "da", "per", "dove", "quando", "che", "cosa",
            "non", "mi", "ti", "ci", "vi", "ho", "hai", "ha", "abbiamo", "e", "un", "una", "uno", "del", "della", "dello", "dei", "degli",
            "delle", "al", "alla", "allo", "ai", "agli", "alle", "dal", "dalla", "dai", "dalle", "nel", "nella", "nei", "nelle", "sul",
            "sulla", "sui", "su", "tra", "fra", "sono", "sei", "posso", "devo", "si", "ciao", "buongiorno", "buonasera", "salve", "grazie",
            "quanto", "quanta", "quanti", "quali", "quale", "con", "orari", "orario", "x", "chi", "perche", "mio", "mia", "miei", "mie",
            "tuo", "suo", "sua", "loro", "anche", "ma", "se", "o", "qui", "qua", "poi", "ancora", "gia", "piu", "meno", "tutto", "tutti",
            "ogni", "questo", "questa", "quello", "quella", "serve", "servono", "fare", "entro", "dopo", "prima", "oggi", "domani", "ieri",
            "vorrei", "volevo", "scusate", "cmq", "xke", "xche", "pero", "ecco", "c'e", "ce", "va", "fa", "sta", "bisogna", "comune",
            "casa");

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
