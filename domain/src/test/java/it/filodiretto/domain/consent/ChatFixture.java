package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditEvent;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.ChatReplies;
import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.json.JsonObject;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The chat services wired by hand, without a container: subscribers in memory, replies and audit events kept
 * in lists, a fixed notice and clock. Other collaborators are the smallest stand-ins that keep their contract.
 */
class ChatFixture {

    static final String CITY = "Comune di Prova";
    static final String WA_ID = "393401234567";
    static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    final InMemorySubscriberRepository subscribers = new InMemorySubscriberRepository();
    final List<OutboundMessage> sent = new ArrayList<>();
    final List<AuditAction> audited = new ArrayList<>();
    final List<SubjectRequest> requests = new ArrayList<>();
    OffsetDateTime now = T0;
    /** How many row-locking lookups had been made each time the clock was read. */
    final List<Integer> lookupsWhenClockRead = new ArrayList<>();
    private int messageCount;

    final PrivacyNotice notice = new PrivacyNotice(1, "Informativa completa", "In breve", "https://example.test/privacy",
            Topics.DEFAULT, T0.minusDays(10));
    final Topics topics = new Topics();
    final Neighbourhoods neighbourhoods = new Neighbourhoods();
    final ChatSubscriptions chat = new ChatSubscriptions();

    ChatFixture() {
        topics.configured = String.join(",", Topics.DEFAULT);
        neighbourhoods.configured = Optional.of("centro=Centro storico,borgo=Borgo Nuovo");

        ChatSender sender = new ChatSender();
        sender.replies = (ChatReplies) (message, category) -> {
            if (category != MessageCategory.UTILITY) {
                throw new AssertionError("chat replies are utility messages");
            }
            sent.add(message);
        };
        AuditTrail audit = new AuditTrail() {
            @Override
            public AuditEvent record(Actor actor, AuditAction action, String targetType, String targetId, Map<String, ?> details) {
                audited.add(action);
                return null;
            }
        };
        PrivacyNotices notices = new PrivacyNotices() {
            @Override
            public PrivacyNotice inForce() {
                return notice;
            }
        };
        ConsentEvidence evidence = new ConsentEvidence();
        evidence.subscribers = subscribers;
        evidence.notices = notices;
        evidence.audit = audit;
        evidence.pseudonyms = new Pseudonyms() {
            @Override
            public String hash(String value) {
                return "hash-of-" + value;
            }
        };

        ChatHelp help = new ChatHelp();
        help.sender = sender;
        help.cityName = CITY;

        ChatPreferences preferences = new ChatPreferences();
        preferences.topics = topics;
        preferences.neighbourhoods = neighbourhoods;
        preferences.evidence = evidence;
        preferences.audit = audit;
        preferences.sender = sender;
        preferences.help = help;

        ChatConsent consent = new ChatConsent();
        consent.subscribers = subscribers;
        consent.notices = notices;
        consent.topics = topics;
        consent.web = new WebSubscriptions() {
            @Override
            public WebRequest answer(String replyId, String fromE164) {
                return null;
            }
        };
        consent.evidence = evidence;
        consent.audit = audit;
        consent.sender = sender;
        consent.preferences = preferences;
        consent.cityName = CITY;

        ChatPrivacy privacy = new ChatPrivacy();
        privacy.subscribers = subscribers;
        privacy.notices = notices;
        privacy.topics = topics;
        privacy.evidence = evidence;
        privacy.sender = sender;
        privacy.cityName = CITY;
        privacy.requests = new SubjectRequests() {
            @Override
            public SubjectRequest fromChat(Subscriber subscriber, SubjectRequest.Kind kind, String messageRef) {
                SubjectRequest request = new SubjectRequest(subscriber.id(), kind, SubjectRequest.Channel.CHAT, now.toLocalDate(),
                        ConsentEvidence.MESSAGE_REF + ":" + messageRef, null, Actor.citizen(subscriber.id()).name(), now);
                InMemorySubscriberRepository.assignId(request, 900 + requests.size());
                requests.add(request);
                return request;
            }
        };
        privacy.register = new ConsentRegister() {
            @Override
            public JsonObject receipt(long recordId, Actor actor) {
                return JSON.createObjectBuilder().add("collectionMethod", "WHATSAPP_KEYWORD")
                        .add("consentReceiptID", "receipt-" + recordId).add("policyUrl", notice.url()).build();
            }
        };

        chat.subscribers = subscribers;
        chat.time = new TimeSource() {
            @Override
            public OffsetDateTime now() {
                lookupsWhenClockRead.add(subscribers.lockingLookups);
                return now;
            }
        };
        chat.consent = consent;
        chat.preferences = preferences;
        chat.privacy = privacy;
        chat.help = help;
        chat.subscribeKeywords = Optional.empty();
        chat.stopKeywords = Optional.empty();
        chat.topicsKeywords = Optional.empty();
        chat.helpKeywords = Optional.empty();
    }

    /** The citizen types {@code text}; true when the subscription side handled it. */
    boolean say(String text) {
        return chat.handle(new InboundMessage("wamid." + ++messageCount, WA_ID, null, "text", text, null, null, now, null, null));
    }

    /** The citizen taps the button or list row with that id. */
    boolean tap(String id) {
        return chat.handle(new InboundMessage("wamid." + ++messageCount, WA_ID, null, "interactive", null, id, "title", now, null, null));
    }

    Subscriber subscriber() {
        return subscribers.byWhatsApp(WA_ID, null).orElseThrow();
    }

    OutboundMessage lastSent() {
        return sent.get(sent.size() - 1);
    }

    /** The body of the last reply (a text, or the text above the buttons or list). */
    String lastBody() {
        OutboundMessage last = lastSent();
        if (last instanceof OutboundMessage.Text text) {
            return text.body();
        }
        if (last instanceof OutboundMessage.Buttons buttons) {
            return buttons.body();
        }
        return ((OutboundMessage.ListMenu) last).body();
    }

    /** The text a reply with this key reads (Italian). */
    static String text(String key, Object... arguments) {
        return ChatTexts.text("it", key, arguments);
    }

    /** Ids of the buttons or list rows of the last reply. */
    List<String> lastChoices() {
        OutboundMessage last = lastSent();
        if (last instanceof OutboundMessage.Buttons buttons) {
            return buttons.buttons().stream().map(OutboundMessage.Choice::id).toList();
        }
        return ((OutboundMessage.ListMenu) last).sections().stream()
                .flatMap(s -> s.rows().stream()).map(OutboundMessage.Choice::id).toList();
    }
}
