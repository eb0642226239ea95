package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An active subscriber's preferences in the chat: the topics (a change of topics is a consent change, recorded
 * as such) and the neighbourhoods followed, each chosen row by row from a WhatsApp list. The language is not
 * chosen in the chat yet: replies are in the subscriber's language where the texts exist. Runs in the
 * transaction of {@link ChatSubscriptions#handle}, with the subscriber's row locked.
 */
@Dependent
public class ChatPreferences {

    /** Title length of a WhatsApp list row. */
    private static final int ROW_TITLE = 24;

    @Inject
    Topics topics;

    @Inject
    Neighbourhoods neighbourhoods;

    @Inject
    ConsentEvidence evidence;

    @Inject
    AuditTrail audit;

    @Inject
    ChatSender sender;

    @Inject
    ChatHelp help;

    /** ARGOMENTI: the topic list, for subscribers only. */
    void replyToTopicsCommand(ChatTurn turn) {
        turn.active().ifPresentOrElse(subscriber -> sendTopicList(subscriber, turn.to()),
                () -> sender.sendText(turn.to(), "topics.notSubscribed"));
    }

    /** QUARTIERE: the neighbourhood list, for subscribers only; without neighbourhoods, the help. */
    void replyToAreaCommand(ChatTurn turn) {
        if (!neighbourhoods.enabled()) {
            help.sendHelp(turn.to());
        } else {
            turn.active().ifPresentOrElse(subscriber -> sendAreaList(subscriber, turn.to()),
                    () -> sender.sendText(turn.to(), "topics.notSubscribed"));
        }
    }

    /** A row of the topic list: toggles one topic or chooses all; the last topic cannot be removed. */
    void chooseTopic(ChatTurn turn, ChatChoice.Topic choice) {
        if (turn.active().isEmpty()) {
            sender.sendText(turn.to(), "topics.notSubscribed");
            return;
        }
        Subscriber subscriber = turn.active().get();
        Set<String> chosen = new LinkedHashSet<>(subscriber.topics());
        if (choice.isAll()) {
            chosen = topics.all();
        } else if (topics.exists(choice.code())) {
            toggle(chosen, choice.code());
        } else {
            help.sendHelp(turn.to());
            return;
        }
        if (chosen.isEmpty()) {
            sender.sendText(turn.to(), "topics.lastOne");
            return;
        }
        if (!chosen.equals(subscriber.topics())) {
            subscriber.changeTopics(chosen, turn.now());
            evidence.recordChatConsent(subscriber, ConsentRecord.Action.CHANGED, chosen, turn.message(), AuditAction.TOPICS_CHANGED,
                    turn.now());
        }
        sender.sendText(turn.to(), "topics.updated", topics.labels(chosen, subscriber.language()));
    }

    /** A row of the neighbourhood list: toggles one neighbourhood or follows the whole city (none chosen). */
    void chooseArea(ChatTurn turn, ChatChoice.Area choice) {
        if (turn.active().isEmpty() || !neighbourhoods.enabled()) {
            sender.sendText(turn.to(), "topics.notSubscribed");
            return;
        }
        Subscriber subscriber = turn.active().get();
        Set<String> chosen = new LinkedHashSet<>(subscriber.neighbourhoods());
        if (choice.isWholeCity()) {
            chosen.clear();
        } else if (neighbourhoods.all().containsKey(choice.code())) {
            toggle(chosen, choice.code());
        } else {
            help.sendHelp(turn.to());
            return;
        }
        subscriber.changeNeighbourhoods(chosen, turn.now());
        audit.record(Actor.citizen(subscriber.id()), AuditAction.NEIGHBOURHOODS_CHANGED, "subscriber", subscriber.id().toString(),
                Map.of("neighbourhoods", new ArrayList<>(new TreeSet<>(chosen))));
        sender.sendText(turn.to(), "areas.updated", areasText(subscriber.language(), chosen));
    }

    /** The topic list: "all topics" and up to 9 topics, within a WhatsApp list's limits (10 rows). */
    void sendTopicList(Subscriber subscriber, String to) {
        String language = subscriber.language();
        List<OutboundMessage.Choice> rows = new ArrayList<>();
        rows.add(new OutboundMessage.Choice(ChatChoice.Topic.ALL.id(), ChatTexts.text(language, "topics.all"), null));
        topics.codes().stream().limit(9).forEach(code -> rows.add(new OutboundMessage.Choice(new ChatChoice.Topic(code).id(),
                cut(topics.label(code, language)), subscriber.topics().contains(code) ? "✓" : null)));
        sender.send(new OutboundMessage.ListMenu(to, null,
                ChatTexts.text(language, "topics.body", topics.labels(subscriber.topics(), language)), null,
                ChatTexts.text(language, "topics.button"),
                List.of(new OutboundMessage.Section(ChatTexts.text(language, "topics.section"), rows))));
    }

    /** The neighbourhood list: "the whole city" and up to {@link Neighbourhoods#CHAT_LIMIT} neighbourhoods. */
    private void sendAreaList(Subscriber subscriber, String to) {
        String language = subscriber.language();
        List<OutboundMessage.Choice> rows = new ArrayList<>();
        rows.add(new OutboundMessage.Choice(ChatChoice.Area.WHOLE_CITY.id(), ChatTexts.text(language, "areas.wholeCity"), null));
        neighbourhoods.codes().stream().limit(Neighbourhoods.CHAT_LIMIT).forEach(code -> rows.add(new OutboundMessage.Choice(
                new ChatChoice.Area(code).id(), cut(neighbourhoods.label(code)), subscriber.neighbourhoods().contains(code) ? "✓" : null)));
        sender.send(new OutboundMessage.ListMenu(to, null,
                ChatTexts.text(language, "areas.body", areasText(language, subscriber.neighbourhoods())), null,
                ChatTexts.text(language, "areas.button"),
                List.of(new OutboundMessage.Section(ChatTexts.text(language, "areas.button"), rows))));
    }

    /** The neighbourhoods followed, as the citizen reads them (none: the whole city). */
    private String areasText(String language, Set<String> codes) {
        return codes.isEmpty() ? ChatTexts.text(language, "areas.wholeCity") : neighbourhoods.labels(codes);
    }

    private static void toggle(Set<String> chosen, String code) {
        if (!chosen.remove(code)) {
            chosen.add(code);
        }
    }

    private static String cut(String title) {
        return title.length() <= ROW_TITLE ? title : title.substring(0, ROW_TITLE);
    }
}
