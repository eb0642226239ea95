package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.InboundMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The chat side of subscriptions, where a citizen's message enters: a keyword or a tapped button is routed to
 * the concern it belongs to ({@link ChatConsent}, {@link ChatPreferences}, {@link ChatPrivacy},
 * {@link ChatHelp}); anything else is left to the caller (the assistant). One transaction per message: the
 * subscriber's row is locked first, so that a send under way to them finishes before and a processed STOP
 * stops every later one.
 */
@Stateless
public class ChatSubscriptions {

    @Inject
    SubscriberRepository subscribers;

    @Inject
    TimeSource time;

    @Inject
    ChatConsent consent;

    @Inject
    ChatPreferences preferences;

    @Inject
    ChatPrivacy privacy;

    @Inject
    ChatHelp help;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.keywords.subscribe")
    Optional<String> subscribeKeywords;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.keywords.stop")
    Optional<String> stopKeywords;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.keywords.topics")
    Optional<String> topicsKeywords;

    @Inject
    @ConfigProperty(name = "filodiretto.consent.keywords.help")
    Optional<String> helpKeywords;

    /** Handles one inbound message; returns true when it was a subscription matter (else: for the assistant). */
    public boolean handle(InboundMessage message) {
        Optional<Subscriber> known = subscribers.byWhatsApp(message.waId(), message.userId());
        // the time once the citizen's row is ours: a send under way to them finishes first (DeliveryLedger#sendToActive)
        OffsetDateTime now = time.now();
        known.ifPresent(s -> s.heardFrom(message.waId(), message.userId(), now));
        String to = address(message, known);
        if (to == null) {
            return false;
        }
        ChatTurn turn = new ChatTurn(message, known, to, now);
        return message.isReply() ? answer(turn) : obey(turn);
    }

    /** The list of commands, for a message nobody else answers (the assistant switched off). */
    public void sendHelp(InboundMessage message) {
        String to = address(message, Optional.empty());
        if (to != null && message.text() != null) {
            help.sendHelp(to);
        }
    }

    /** A tapped button or list row, handled by the concern that sent it. */
    private boolean answer(ChatTurn turn) {
        Optional<ChatChoice> choice = ChatChoice.parse(turn.message().replyId());
        if (choice.isEmpty()) {
            return false;
        }
        ChatChoice tapped = choice.get();
        if (tapped instanceof ChatChoice.Consent c) {
            consent.answer(turn, c);
        } else if (tapped instanceof ChatChoice.WebAnswer w) {
            consent.answerWebRequest(turn, w);
        } else if (tapped instanceof ChatChoice.Topic t) {
            preferences.chooseTopic(turn, t);
        } else if (tapped instanceof ChatChoice.Area a) {
            preferences.chooseArea(turn, a);
        } else if (tapped instanceof ChatChoice.Privacy p) {
            privacy.answer(turn, p);
        }
        return true;
    }

    /** A typed keyword, handled by its concern. */
    private boolean obey(ChatTurn turn) {
        Optional<Keywords.Command> command = keywords().match(turn.message().text());
        if (command.isEmpty()) {
            return false;
        }
        switch (command.get()) {
            case SUBSCRIBE -> consent.subscribe(turn);
            case STOP -> consent.stop(turn);
            case TOPICS -> preferences.replyToTopicsCommand(turn);
            case AREA -> preferences.replyToAreaCommand(turn);
            case PRIVACY -> privacy.sendNotice(turn);
            case HELP -> help.sendHelp(turn.to());
            case MY_DATA -> privacy.request(turn, SubjectRequest.Kind.ACCESS);
            case ERASE_MY_DATA -> privacy.request(turn, SubjectRequest.Kind.ERASURE);
        }
        return true;
    }

    private Keywords keywords() {
        Map<Keywords.Command, String> configured = new EnumMap<>(Keywords.Command.class);
        subscribeKeywords.ifPresent(k -> configured.put(Keywords.Command.SUBSCRIBE, k));
        stopKeywords.ifPresent(k -> configured.put(Keywords.Command.STOP, k));
        topicsKeywords.ifPresent(k -> configured.put(Keywords.Command.TOPICS, k));
        helpKeywords.ifPresent(k -> configured.put(Keywords.Command.HELP, k));
        return Keywords.configured(configured);
    }

    private static String address(InboundMessage message, Optional<Subscriber> known) {
        if (message.waId() != null) {
            return "+" + message.waId();
        }
        return known.map(Subscriber::address).orElse(message.userId());
    }
}
