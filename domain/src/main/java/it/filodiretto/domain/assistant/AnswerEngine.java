package it.filodiretto.domain.assistant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a citizen's question into the assistant's answer: sensitive subjects get the fixed answer; otherwise
 * the index's best article, when its confidence reaches the threshold, is condensed into a WhatsApp-sized
 * answer (title, best passage, office, official link) or, in generative mode, rewritten by the model from
 * the retrieved passages and kept only if it cites one of their links. Below the threshold: no answer, with
 * the offer of an operator. Plain Java on the two ports, so the chat and the evaluation command use the
 * very same code.
 */
public final class AnswerEngine {

    /** {@code DECLINED}: not the city's to answer (another place or body, chit-chat, someone else's data). */
    public enum Outcome {
        ANSWERED, NO_ANSWER, DECLINED, SENSITIVE
    }

    public enum Mode { RETRIEVAL, GENERATIVE, FIXED }

    /**
     * {@code threshold}: the confidence below which the assistant declines; {@code maxChars}: the answer's size
     * (WhatsApp shows long texts badly; 1,024 at most); {@code contacts}: the city's contacts offered with a
     * declined answer; {@code places}: the city's frazioni and neighbourhoods (never "another place").
     */
    public record Settings(double threshold, int maxChars, String cityName, String contacts, List<String> places) {
        public Settings {
            if (threshold < 0 || threshold > 1) {
                throw new IllegalArgumentException("threshold must be in [0, 1]");
            }
            maxChars = Math.max(200, Math.min(maxChars, 1024));
            places = List.copyOf(places);
        }

        public Settings(double threshold, int maxChars, String cityName, String contacts) {
            this(threshold, maxChars, cityName, contacts, List.of());
        }

        /** "Comune di Busto Arsizio" as configured, or "Busto Arsizio" made into it. */
        String city() {
            String name = cityName == null || cityName.isBlank() ? "Comune" : cityName.strip();
            return name.matches("(?i)^(comune|citt[aà])\\b.*") ? name : "Comune di " + name;
        }
    }

    /** The answer and what it was made from (for the records). */
    public record Answer(Outcome outcome, Mode mode, String language, String text, List<KnowledgeIndex.Hit> hits,
            double confidence) {
        public Answer {
            hits = List.copyOf(hits);
        }
    }

    static final int HITS = 3;

    /** The confidence threshold when the configuration says nothing (`filodiretto.assistant.threshold`). */
    public static final String DEFAULT_THRESHOLD = "0.40";

    private final KnowledgeIndex index;
    private final AnswerWriter writer;
    private final Settings settings;
    private final QuestionScope scope;

    public AnswerEngine(KnowledgeIndex index, AnswerWriter writer, Settings settings) {
        this.index = index;
        this.writer = writer;
        this.settings = settings;
        this.scope = new QuestionScope(settings.cityName(), settings.places());
    }

    /** @param disclose whether this is the first answer of the conversation (it then opens with the AI disclosure) */
    public Answer answer(String question, LocalDate day, boolean disclose) {
        String language = QuestionLanguage.of(question);
        String disclosure = disclose ? AssistantTexts.text(language, "disclosure", settings.cityName()) + "\n\n" : "";
        if (SensitiveTopics.concern(question)) {
            return new Answer(Outcome.SENSITIVE, Mode.FIXED, language, disclosure + AssistantTexts.text(language, "sensitive"), List.of(),
                    0);
        }
        List<KnowledgeIndex.Hit> hits = index.search(question, day, HITS);
        double confidence = hits.isEmpty() ? 0 : hits.get(0).confidence();
        String contacts = settings.contacts() == null || settings.contacts().isBlank() ? ""
                : AssistantTexts.text(language, "contacts", settings.contacts());
        Optional<QuestionScope.OutOfScope> outside = scope.of(question);
        if (outside.isPresent() && !(confidence >= settings.threshold()
                && QuestionScope.mentions(hits.get(0), outside.get()))) {
            return new Answer(Outcome.DECLINED, Mode.FIXED, language, fit(disclosure + decline(outside.get(), language, contacts)), hits,
                    confidence);
        }
        if (hits.isEmpty() || confidence < settings.threshold()) {
            return new Answer(Outcome.NO_ANSWER, Mode.RETRIEVAL, language,
                    fit(disclosure + AssistantTexts.text(language, "noAnswer", contacts)), hits, confidence);
        }
        List<KnowledgeIndex.Hit> grounded = hits.stream().filter(h -> h.confidence() >= settings.threshold()).toList();
        if (writer.enabled()) {
            Optional<String> written = writer.write(question, language, grounded)
                    .map(String::strip)
                    .filter(text -> citesOneOf(text, grounded))
                    .filter(text -> disclosure.length() + text.length() <= settings.maxChars());
            if (written.isPresent()) {
                return new Answer(Outcome.ANSWERED, Mode.GENERATIVE, language, disclosure + written.get(), hits, confidence);
            }
        }
        return new Answer(Outcome.ANSWERED, Mode.RETRIEVAL, language, disclosure + condensed(grounded, language,
                settings.maxChars() - disclosure.length()), hits, confidence);
    }

    /** Names the city it answers for, and where the knowledge base has nothing on another body, points to it. */
    private String decline(QuestionScope.OutOfScope reason, String language, String contacts) {
        String city = settings.city();
        return switch (reason.kind()) {
            case OTHER_PLACE -> AssistantTexts.text(language, "otherPlace", city, reason.subject(), contacts);
            case OTHER_BODY -> AssistantTexts.text(language, "otherBody", city, AssistantTexts.text(language, "body." + reason.subject()));
            case OTHER_PERSON -> AssistantTexts.text(language, "otherPerson", city);
            case OFF_TOPIC -> AssistantTexts.text(language, "offTopic", city);
        };
    }

    /** A generated answer is kept only when it cites the official link of a retrieved article. */
    static boolean citesOneOf(String text, List<KnowledgeIndex.Hit> hits) {
        return hits.stream().anyMatch(h -> h.link() != null && text.contains(h.link()));
    }

    /** "*Title*", the passage, the office, the link; a close second article as "see also" when it fits. */
    private String condensed(List<KnowledgeIndex.Hit> hits, String language, int budget) {
        KnowledgeIndex.Hit best = hits.get(0);
        List<String> tail = new ArrayList<>();
        if (best.office() != null) {
            tail.add(AssistantTexts.text(language, "office", best.office()));
        }
        if (best.link() != null) {
            tail.add(AssistantTexts.text(language, "source", best.link()));
        }
        if (hits.size() > 1 && hits.get(1).link() != null && hits.get(1).score() >= 0.8 * best.score()) {
            tail.add(AssistantTexts.text(language, "seeAlso", hits.get(1).title(), hits.get(1).link()));
        }
        String head = "*" + best.title() + "*\n";
        String end = tail.isEmpty() ? "" : "\n\n" + String.join("\n", tail);
        while (head.length() + end.length() + 80 > budget && !tail.isEmpty()) {
            tail.remove(tail.size() - 1);
            end = tail.isEmpty() ? "" : "\n\n" + String.join("\n", tail);
        }
        int room = budget - head.length() - end.length();
        return head + shorten(best.passage(), room) + end;
    }

    /** Cuts at the last sentence end (or word) that fits, with an ellipsis when something was left out. */
    static String shorten(String text, int room) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= room) {
            return t;
        }
        String cut = t.substring(0, Math.max(0, room - 1));
        int sentence = Math.max(cut.lastIndexOf(". "), Math.max(cut.lastIndexOf(".\n"), cut.lastIndexOf("; ")));
        if (sentence > room / 2) {
            return cut.substring(0, sentence + 1);
        }
        int space = cut.lastIndexOf(' ');
        return (space > 0 ? cut.substring(0, space) : cut) + "…";
    }

    private String fit(String text) {
        return text.length() <= settings.maxChars() ? text : shorten(text, settings.maxChars());
    }
}
