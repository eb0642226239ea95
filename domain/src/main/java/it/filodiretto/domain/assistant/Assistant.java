package it.filodiretto.domain.assistant;

import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.consent.Keywords;
import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import it.filodiretto.domain.whatsapp.ChatReplies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The virtual assistant in the chat (PRODUCT §3.7), in the transaction that records the citizen's message:
 * while an operator owns the conversation it only files the message for the inbox; {@code OPERATORE} opens a
 * handoff; anything else is answered by the {@link AnswerEngine} — with the AI disclosure on the first answer
 * of each conversation (no assistant answer in the last 24 hours), the offer of an operator when it has no
 * official answer, a fixed answer and a handoff on sensitive subjects. Every step is recorded.
 */
@ApplicationScoped
public class Assistant {

    public static final String OPERATOR_YES = "assistant:operator";
    public static final String OPERATOR_NO = "assistant:no";
    /** Greetings and thanks: answered with a courtesy and what the channel can do, not searched. */
    static final Set<String> COURTESIES = Set.of("CIAO", "SALVE", "BUONGIORNO", "BUONASERA", "GRAZIE", "GRAZIE MILLE", "OK", "OK GRAZIE",
            "PERFETTO GRAZIE", "HELLO", "HI", "THANKS", "THANK YOU");
    static final Set<String> OPERATOR_WORDS = Set.of("OPERATORE", "OPERATOR", "UN OPERATORE", "PARLA CON UN OPERATORE",
            "PARLARE CON UN OPERATORE", "VOGLIO PARLARE CON UN OPERATORE", "OPERATORE UMANO", "HUMAN", "AGENT");

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    KnowledgeIndex index;

    @Inject
    AnswerWriter writer;

    @Inject
    Handoffs handoffs;

    @Inject
    ChatReplies replies;

    @Inject
    TimeSource time;

    @Inject
    jakarta.enterprise.event.Event<AssistantAnswered> answered;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.threshold", defaultValue = AnswerEngine.DEFAULT_THRESHOLD)
    double threshold;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.max-chars", defaultValue = "1024")
    int maxChars;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.contacts")
    Optional<String> contacts;

    /** The city's frazioni and neighbourhoods: a question naming them is about the city, not another place. */
    @Inject
    @ConfigProperty(name = "filodiretto.city.places")
    Optional<String> places;

    /** The subscription's neighbourhoods ({@code code=Label,…}): their labels are the city's places too. */
    @Inject
    @ConfigProperty(name = "filodiretto.consent.neighbourhoods")
    Optional<String> neighbourhoods;

    public AnswerEngine engine() {
        return new AnswerEngine(index, writer, new AnswerEngine.Settings(threshold, maxChars, cityName, contacts.orElse(""),
                ownPlaces()));
    }

    private List<String> ownPlaces() {
        return java.util.stream.Stream.concat(places.stream(), neighbourhoods.stream())
                .flatMap(list -> java.util.Arrays.stream(list.split(",")))
                .map(entry -> entry.substring(entry.indexOf('=') + 1).strip())
                .filter(place -> !place.isEmpty()).toList();
    }

    public void handle(InboundMessage message) {
        Citizen citizen = Citizen.of(message);
        if (citizen.address() == null) {
            return;
        }
        OffsetDateTime now = time.now();
        Optional<Handoff> open = handoffs.openFor(citizen.address());
        if (message.isReply()) {
            reply(message, citizen, open, now);
            return;
        }
        String text = message.text() == null ? "[" + message.type() + "]" : message.text();
        if (open.isPresent()) {
            open.get().heard(now);
            em.persist(new Exchange(citizen, open.get().id(), Exchange.Kind.TO_OPERATOR, null, text, null, null, null, null, null, now));
            if (isOperatorRequest(text)) {
                notice(citizen, open.get(), QuestionLanguage.of(text), "handoffAlready", now);
            }
            return;
        }
        if (message.text() == null || message.isReaction()) {
            return; // a picture, a sticker or a 👍 with no handoff open: nothing to answer
        }
        if (isOperatorRequest(text)) {
            Handoff handoff = handoffs.open(citizen, Handoff.Reason.REQUESTED);
            em.persist(new Exchange(citizen, handoff.id(), Exchange.Kind.TO_OPERATOR, null, text, null, null, null, null, null, now));
            notice(citizen, handoff, QuestionLanguage.of(text), "handoffOpened", now);
            return;
        }
        if (COURTESIES.contains(Keywords.normalise(text))) {
            notice(citizen, null, QuestionLanguage.of(text), "courtesy", now);
            return;
        }
        answer(citizen, text, now);
    }

    private void answer(Citizen citizen, String question, OffsetDateTime now) {
        long start = System.nanoTime();
        AnswerEngine.Answer answer = engine().answer(question, now.toLocalDate(), !repliedWithin24Hours(citizen, now));
        int took = (int) ((System.nanoTime() - start) / 1_000_000);
        String articles = answer.hits().stream().map(h -> h.slug() + ":" + String.format(Locale.ROOT, "%.2f", h.confidence()))
                .collect(Collectors.joining(","));
        Exchange.Kind kind = switch (answer.outcome()) {
            case ANSWERED -> Exchange.Kind.ANSWERED;
            case NO_ANSWER, DECLINED -> Exchange.Kind.NO_ANSWER;
            case SENSITIVE -> Exchange.Kind.SENSITIVE;
        };
        Long handoffId = null;
        if (answer.outcome() == AnswerEngine.Outcome.SENSITIVE) {
            handoffId = handoffs.open(citizen, Handoff.Reason.SENSITIVE).id();
        }
        em.persist(new Exchange(citizen, handoffId, kind, answer.mode(), question, answer.text(), articles, answer.confidence(), took, null,
                now));
        answered.fire(new AssistantAnswered(answer.outcome(), answer.mode(), took));
        if (answer.outcome() == AnswerEngine.Outcome.NO_ANSWER) {
            String language = answer.language();
            replies.send(new OutboundMessage.Buttons(citizen.address(), null, answer.text(), null, List.of(
                    new OutboundMessage.Choice(OPERATOR_YES, AssistantTexts.text(language, "operatorYes"), null),
                    new OutboundMessage.Choice(OPERATOR_NO, AssistantTexts.text(language, "operatorNo"), null))), MessageCategory.UTILITY);
        } else {
            replies.send(new OutboundMessage.Text(citizen.address(), answer.text()), MessageCategory.UTILITY);
        }
    }

    private void reply(InboundMessage message, Citizen citizen, Optional<Handoff> open, OffsetDateTime now) {
        String language = QuestionLanguage.of(message.replyTitle());
        if (OPERATOR_YES.equals(message.replyId())) {
            Handoff handoff = open.orElseGet(() -> handoffs.open(citizen, Handoff.Reason.LOW_CONFIDENCE));
            handoff.heard(now);
            notice(citizen, handoff, language, open.isPresent() ? "handoffAlready" : "handoffOpened", now);
        } else if (OPERATOR_NO.equals(message.replyId())) {
            notice(citizen, null, language, "handoffDeclined", now);
        } else if (open.isPresent()) {
            open.get().heard(now);
            em.persist(new Exchange(citizen, open.get().id(), Exchange.Kind.TO_OPERATOR, null, message.replyTitle(), null, null, null,
                    null, null, now));
        }
    }

    /** A fixed reply; the first reply of a conversation, whatever its kind, opens with the AI disclosure. */
    private void notice(Citizen citizen, Handoff handoff, String language, String key, OffsetDateTime now) {
        String reply = AssistantTexts.text(language, key, cityName);
        String text = repliedWithin24Hours(citizen, now) ? reply : AssistantTexts.text(language, "disclosure", cityName) + "\n\n" + reply;
        em.persist(new Exchange(citizen, handoff == null ? null : handoff.id(), Exchange.Kind.NOTICE, null, null, text, null, null, null,
                null, now));
        replies.send(new OutboundMessage.Text(citizen.address(), text), MessageCategory.UTILITY);
    }

    /** Whether the assistant already replied (in any way) within the last 24 hours: the conversation is then open. */
    private boolean repliedWithin24Hours(Citizen citizen, OffsetDateTime now) {
        return !em.createQuery("select e.id from Exchange e where e.address = :a and e.kind in :kinds and e.occurredAt > :t", Long.class)
                .setParameter("a", citizen.address())
                .setParameter("kinds",
                        Set.of(Exchange.Kind.ANSWERED, Exchange.Kind.NO_ANSWER, Exchange.Kind.SENSITIVE, Exchange.Kind.NOTICE))
                .setParameter("t", now.minus(Handoff.WINDOW)).setMaxResults(1).getResultList().isEmpty();
    }

    static boolean isOperatorRequest(String text) {
        return text != null && OPERATOR_WORDS.contains(Keywords.normalise(text));
    }
}
