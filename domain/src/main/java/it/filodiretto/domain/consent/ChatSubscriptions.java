package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.PhoneNumber;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import it.filodiretto.domain.whatsapp.ChatReplies;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The chat side of subscriptions: ISCRIVIMI asks for explicit consent with the privacy summary and link;
 * only the "Accetto" button activates the subscriber and writes the consent record; topics are chosen from
 * a list; STOP withdraws at once. Every consent change writes exactly one consent record and one audit
 * event, in the transaction that processes the citizen's message. Replies are free-form messages, allowed
 * because the citizen has just written.
 */
@Stateless
public class ChatSubscriptions {

    static final String ACCEPT = "consent:accept";
    static final String DECLINE = "consent:decline";
    static final String RENEW = "consent:renew";
    static final String TOPIC_PREFIX = "topic:";
    static final String ALL_TOPICS = "topic:*";
    static final String AREA_PREFIX = "area:";
    static final String WHOLE_CITY = "area:*";
    static final String RECEIPT = "privacy:receipt";
    static final String MY_DATA = "privacy:access";
    static final String ERASE = "privacy:erase";
    static final String ERASE_CONFIRMED = "privacy:erase!";
    /** Key of the salted hash of the citizen's message id in consent evidence and audit details. */
    static final String MESSAGE_REF = "inboundMessageSha256Salted";
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    Subscribers subscribers;

    @Inject
    PrivacyNotices notices;

    @Inject
    Topics topics;

    @Inject
    Neighbourhoods neighbourhoods;

    @Inject
    ChatReplies replies;

    @Inject
    AuditTrail audit;

    @Inject
    WebSubscriptions web;

    @Inject
    SubjectRequests requests;

    @Inject
    ConsentRegister register;

    @Inject
    TimeSource time;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

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

    private Keywords keywords() {
        Map<Keywords.Command, String> configured = new EnumMap<>(Keywords.Command.class);
        subscribeKeywords.ifPresent(k -> configured.put(Keywords.Command.SUBSCRIBE, k));
        stopKeywords.ifPresent(k -> configured.put(Keywords.Command.STOP, k));
        topicsKeywords.ifPresent(k -> configured.put(Keywords.Command.TOPICS, k));
        helpKeywords.ifPresent(k -> configured.put(Keywords.Command.HELP, k));
        return Keywords.configured(configured);
    }

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
        if (message.isReply()) {
            return reply(message, known, to, now);
        }
        Optional<Keywords.Command> command = keywords().match(message.text());
        if (command.isEmpty()) {
            return false;
        }
        switch (command.get()) {
            case SUBSCRIBE -> subscribe(message, known, to, now);
            case STOP -> stop(message, known, to, now);
            case TOPICS -> {
                if (known.filter(Subscriber::isActive).isPresent()) {
                    sendTopicList(known.get(), to);
                } else {
                    text(to, "topics.notSubscribed");
                }
            }
            case AREA -> {
                if (!neighbourhoods.enabled()) {
                    text(to, "help.text", cityName);
                } else if (known.filter(Subscriber::isActive).isPresent()) {
                    sendAreaList(known.get(), to);
                } else {
                    text(to, "topics.notSubscribed");
                }
            }
            case PRIVACY -> privacy(known, to);
            case HELP -> text(to, "help.text", cityName);
            case MY_DATA -> subjectRequest(message, known, to, SubjectRequest.Kind.ACCESS, now);
            case ERASE_MY_DATA -> subjectRequest(message, known, to, SubjectRequest.Kind.ERASURE, now);
        }
        return true;
    }

    /** The notice; a known citizen also gets buttons for the consent receipt, their data and erasure. */
    private void privacy(Optional<Subscriber> known, String to) {
        PrivacyNotice notice = notices.inForce();
        String body = ChatTexts.text("it", "privacy.text", notice.summary(), notice.version(), notice.url());
        if (known.isEmpty() || known.get().state() == Subscriber.State.ERASED) {
            replies.send(new OutboundMessage.Text(to, body), MessageCategory.UTILITY);
            return;
        }
        List<OutboundMessage.Choice> buttons = new ArrayList<>();
        if (lastGrant(known.get()).isPresent()) {
            buttons.add(new OutboundMessage.Choice(RECEIPT, ChatTexts.text("it", "privacy.receiptButton"), null));
        }
        buttons.add(new OutboundMessage.Choice(MY_DATA, ChatTexts.text("it", "privacy.accessButton"), null));
        buttons.add(new OutboundMessage.Choice(ERASE, ChatTexts.text("it", "privacy.eraseButton"), null));
        replies.send(new OutboundMessage.Buttons(to, null, body, null, buttons), MessageCategory.UTILITY);
    }

    /** The consent record a receipt is about: the latest grant, renewal or change. */
    private Optional<ConsentRecord> lastGrant(Subscriber subscriber) {
        List<ConsentRecord> history = subscribers.history(subscriber.id());
        return history.isEmpty() ? Optional.empty()
                : Optional.of(history.get(history.size() - 1)).filter(r -> r.action() != ConsentRecord.Action.WITHDRAWN);
    }

    private void sendReceipt(Subscriber subscriber, String to) {
        Optional<ConsentRecord> grant = lastGrant(subscriber);
        if (grant.isEmpty()) {
            text(to, "receipt.none");
            return;
        }
        jakarta.json.JsonObject receipt = register.receipt(grant.get().id(), Actor.citizen(subscriber.id()));
        text(to, "receipt.chat", cityName,
                DAY.format(grant.get().occurredAt().atZoneSameInstant(java.time.ZoneId.of("Europe/Rome"))),
                receipt.getString("collectionMethod"),
                grant.get().noticeVersion(), grant.get().noticeHash(),
                topics.labels(new LinkedHashSet<>(List.of(grant.get().topics().split(","))), "it"),
                receipt.getString("consentReceiptID"), receipt.getString("policyUrl"));
    }

    /** "I MIEI DATI" / "CANCELLA I MIEI DATI": recorded with the one-month deadline; erasure also withdraws at once. */
    private void subjectRequest(InboundMessage message, Optional<Subscriber> known, String to, SubjectRequest.Kind kind, OffsetDateTime now) {
        if (known.isEmpty() || known.get().state() == Subscriber.State.ERASED) {
            text(to, "request.unknown", cityName);
            return;
        }
        Subscriber subscriber = known.get();
        if (kind == SubjectRequest.Kind.ERASURE && subscriber.isActive()) {
            subscriber.withdraw(now);
            consent(subscriber, ConsentRecord.Action.WITHDRAWN, subscriber.topics(), message, AuditAction.CONSENT_WITHDRAWN, now);
        }
        SubjectRequest request = requests.fromChat(subscriber, kind, messageRef(message));
        text(to, kind == SubjectRequest.Kind.ACCESS ? "request.access" : "request.erasure", request.id(), cityName, DAY.format(request.dueOn()));
    }

    /** The list of commands, for messages nobody else handles (until the assistant exists). */
    public void help(InboundMessage message) {
        String to = address(message, Optional.empty());
        if (to != null && message.text() != null) {
            text(to, "help.text", cityName);
        }
    }

    private void subscribe(InboundMessage message, Optional<Subscriber> known, String to, OffsetDateTime now) {
        if (known.filter(Subscriber::isActive).isPresent()) {
            Subscriber active = known.get();
            if (active.reconsentDueBy() != null) {
                askRenewal(active, to);
            } else {
                text(to, "subscribe.already", cityName);
            }
            return;
        }
        Subscriber subscriber;
        if (known.isPresent()) {
            subscriber = known.get();
            subscriber.requestSubscription(now);
        } else {
            subscriber = new Subscriber(phone(message.waId()), message.waId(), message.userId(), now);
            subscriber.heardFrom(message.waId(), message.userId(), now);
            subscribers.add(subscriber);
        }
        audit.record(Actor.citizen(subscriber.id()), AuditAction.SUBSCRIPTION_REQUESTED, "subscriber",
                subscriber.id().toString(), Map.of("channel", ConsentRecord.Channel.WHATSAPP_KEYWORD, MESSAGE_REF, messageRef(message)));
        PrivacyNotice notice = notices.inForce();
        String language = subscriber.language();
        replies.send(new OutboundMessage.Buttons(to, null,
                ChatTexts.text(language, "subscribe.ask", cityName, notice.summary(), notice.url()), null,
                List.of(new OutboundMessage.Choice(ACCEPT, ChatTexts.text(language, "subscribe.accept"), null),
                        new OutboundMessage.Choice(DECLINE, ChatTexts.text(language, "subscribe.decline"), null))),
                MessageCategory.UTILITY);
    }

    /** The notice changed its purposes: the subscriber re-confirms with one tap (also asked by broadcast later). */
    private void askRenewal(Subscriber subscriber, String to) {
        PrivacyNotice notice = notices.inForce();
        String language = subscriber.language();
        replies.send(new OutboundMessage.Buttons(to, null,
                ChatTexts.text(language, "renew.ask", cityName, notice.summary(), notice.url()), null,
                List.of(new OutboundMessage.Choice(RENEW, ChatTexts.text(language, "subscribe.accept"), null))), MessageCategory.UTILITY);
    }

    private boolean reply(InboundMessage message, Optional<Subscriber> known, String to, OffsetDateTime now) {
        String id = message.replyId();
        if (WebSubscriptions.isWebAnswer(id)) {
            webAnswer(message, known, to, now);
            return true;
        }
        if (ACCEPT.equals(id)) {
            if (known.isEmpty() || known.get().state() != Subscriber.State.PENDING) {
                text(to, known.filter(Subscriber::isActive).isPresent() ? "subscribe.already" : "subscribe.noPending", cityName);
                return true;
            }
            Subscriber subscriber = known.get();
            Set<String> all = topics.all();
            subscriber.activate(all, now);
            consent(subscriber, ConsentRecord.Action.GRANTED, all, message, AuditAction.CONSENT_GRANTED, now);
            text(to, "subscribe.done", cityName);
            sendTopicList(subscriber, to);
            return true;
        }
        if (RENEW.equals(id)) {
            if (known.filter(Subscriber::isActive).isEmpty()) {
                text(to, "subscribe.noPending", cityName);
                return true;
            }
            Subscriber subscriber = known.get();
            subscriber.renew(now);
            consent(subscriber, ConsentRecord.Action.RENEWED, subscriber.topics(), message, AuditAction.CONSENT_RENEWED, now);
            text(to, "renew.done", cityName);
            return true;
        }
        if (RECEIPT.equals(id) || MY_DATA.equals(id) || ERASE.equals(id) || ERASE_CONFIRMED.equals(id)) {
            if (known.isEmpty() || known.get().state() == Subscriber.State.ERASED) {
                text(to, "request.unknown", cityName);
            } else if (RECEIPT.equals(id)) {
                sendReceipt(known.get(), to);
            } else if (MY_DATA.equals(id)) {
                subjectRequest(message, known, to, SubjectRequest.Kind.ACCESS, now);
            } else if (ERASE.equals(id)) {
                replies.send(new OutboundMessage.Buttons(to, null, ChatTexts.text("it", "request.eraseConfirm"), null,
                        List.of(new OutboundMessage.Choice(ERASE_CONFIRMED, ChatTexts.text("it", "request.eraseYes"), null))),
                        MessageCategory.UTILITY);
            } else {
                subjectRequest(message, known, to, SubjectRequest.Kind.ERASURE, now);
            }
            return true;
        }
        if (DECLINE.equals(id)) {
            known.filter(s -> s.state() == Subscriber.State.PENDING).ifPresent(s -> {
                s.withdraw(now);
                audit.record(Actor.citizen(s.id()), AuditAction.SUBSCRIPTION_DECLINED, "subscriber", s.id().toString(),
                        Map.of(MESSAGE_REF, messageRef(message)));
            });
            text(to, "subscribe.declined");
            return true;
        }
        if (id != null && id.startsWith(AREA_PREFIX)) {
            if (known.filter(Subscriber::isActive).isEmpty() || !neighbourhoods.enabled()) {
                text(to, "topics.notSubscribed");
                return true;
            }
            Subscriber subscriber = known.get();
            Set<String> chosen = new LinkedHashSet<>(subscriber.neighbourhoods());
            if (WHOLE_CITY.equals(id)) {
                chosen.clear();
            } else {
                String code = id.substring(AREA_PREFIX.length());
                if (!neighbourhoods.all().containsKey(code)) {
                    text(to, "help.text", cityName);
                    return true;
                }
                toggle(chosen, code);
            }
            subscriber.changeNeighbourhoods(chosen, now);
            audit.record(Actor.citizen(subscriber.id()), AuditAction.NEIGHBOURHOODS_CHANGED, "subscriber", subscriber.id().toString(),
                    Map.of("neighbourhoods", new ArrayList<>(new java.util.TreeSet<>(chosen))));
            text(to, "areas.updated", chosen.isEmpty() ? ChatTexts.text(subscriber.language(), "areas.wholeCity") : neighbourhoods.labels(chosen));
            return true;
        }
        if (id != null && id.startsWith(TOPIC_PREFIX)) {
            if (known.filter(Subscriber::isActive).isEmpty()) {
                text(to, "topics.notSubscribed");
                return true;
            }
            Subscriber subscriber = known.get();
            Set<String> chosen = new LinkedHashSet<>(subscriber.topics());
            if (ALL_TOPICS.equals(id)) {
                chosen = topics.all();
            } else {
                String code = id.substring(TOPIC_PREFIX.length());
                if (!topics.exists(code)) {
                    text(to, "help.text", cityName);
                    return true;
                }
                toggle(chosen, code);
            }
            if (chosen.isEmpty()) {
                text(to, "topics.lastOne");
                return true;
            }
            if (!chosen.equals(subscriber.topics())) {
                subscriber.changeTopics(chosen, now);
                consent(subscriber, ConsentRecord.Action.CHANGED, chosen, message, AuditAction.TOPICS_CHANGED, now);
            }
            text(to, "topics.updated", topics.labels(chosen, subscriber.language()));
            return true;
        }
        return false;
    }

    /** The citizen tapped a button of the web page's confirmation template. */
    private void webAnswer(InboundMessage message, Optional<Subscriber> known, String to, OffsetDateTime now) {
        WebRequest request = web.answer(message.replyId(), to);
        if (request == null || !request.isOpenAt(now)) {
            text(to, "web.expired");
            return;
        }
        if (!WebSubscriptions.isConfirmation(message.replyId())) {
            request.deny(now);
            text(to, request.kind() == WebRequest.Kind.UNSUBSCRIBE ? "web.stillSubscribed" : "subscribe.declined", cityName);
            return;
        }
        request.confirm(now);
        if (request.kind() == WebRequest.Kind.UNSUBSCRIBE) {
            stop(message, known, to, now);
            return;
        }
        if (known.filter(Subscriber::isActive).isPresent()) {
            text(to, "subscribe.already", cityName);
            return;
        }
        Subscriber subscriber = known.orElseGet(() -> {
            Subscriber created = new Subscriber(request.phone(), message.waId(), message.userId(), now);
            created.heardFrom(message.waId(), message.userId(), now);
            subscribers.add(created);
            return created;
        });
        if (subscriber.state() != Subscriber.State.PENDING) {
            subscriber.requestSubscription(now);
        }
        subscriber.activate(request.topics(), now);
        subscriber.changeNeighbourhoods(request.neighbourhoods(), now);
        PrivacyNotice notice = notices.inForce();
        String evidence = JSON.createObjectBuilder()
                .add("webRequestId", request.id())
                .add("requestedAt", request.createdAt().toString())
                .add("noticeVersionShown", request.noticeVersion())
                .add("ipSha256Salted", request.ipHash())
                .add("userAgent", request.userAgent() == null ? "" : request.userAgent())
                .add("foreignNumber", request.isForeignNumber())
                .add(MESSAGE_REF, messageRef(message))
                .build().toString();
        subscribers.record(new ConsentRecord(subscriber.id(), ConsentRecord.Action.GRANTED, now, notice, request.topics(),
                ConsentRecord.Channel.WEB_DOUBLE_OPT_IN, evidence));
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("channel", ConsentRecord.Channel.WEB_DOUBLE_OPT_IN);
        details.put("noticeVersion", notice.version());
        details.put("topics", new ArrayList<>(new java.util.TreeSet<>(request.topics())));
        details.put("neighbourhoods", new ArrayList<>(new java.util.TreeSet<>(request.neighbourhoods())));
        details.put("webRequest", request.id());
        audit.record(Actor.citizen(subscriber.id()), AuditAction.CONSENT_GRANTED, "subscriber", subscriber.id().toString(), details);
        text(to, "web.confirmed", cityName, topics.labels(request.topics(), subscriber.language()));
    }

    private void stop(InboundMessage message, Optional<Subscriber> known, String to, OffsetDateTime now) {
        if (known.isEmpty() || known.get().state() == Subscriber.State.UNSUBSCRIBED || known.get().state() == Subscriber.State.ERASED) {
            text(to, "stop.unknown", cityName);
            return;
        }
        Subscriber subscriber = known.get();
        boolean wasActive = subscriber.isActive();
        subscriber.withdraw(now);
        if (wasActive) {
            consent(subscriber, ConsentRecord.Action.WITHDRAWN, subscriber.topics(), message, AuditAction.CONSENT_WITHDRAWN, now);
        } else {
            audit.record(Actor.citizen(subscriber.id()), AuditAction.SUBSCRIPTION_DECLINED, "subscriber", subscriber.id().toString(),
                    Map.of(MESSAGE_REF, messageRef(message)));
        }
        text(to, "stop.done", cityName);
    }

    private void consent(Subscriber subscriber, ConsentRecord.Action action, Set<String> chosen, InboundMessage evidence,
                         AuditAction auditAction, OffsetDateTime now) {
        PrivacyNotice notice = notices.inForce();
        String reference = messageRef(evidence);
        String evidenceJson = JSON.createObjectBuilder().add(MESSAGE_REF, reference)
                .add("type", evidence.type()).build().toString();
        subscribers.record(new ConsentRecord(subscriber.id(), action, now, notice, chosen, ConsentRecord.Channel.WHATSAPP_KEYWORD, evidenceJson));
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("channel", ConsentRecord.Channel.WHATSAPP_KEYWORD);
        details.put("noticeVersion", notice.version());
        details.put("topics", new ArrayList<>(new java.util.TreeSet<>(chosen)));
        details.put(MESSAGE_REF, reference);
        audit.record(Actor.citizen(subscriber.id()), auditAction, "subscriber", subscriber.id().toString(), details);
    }

    /**
     * What the evidence keeps of the citizen's message: Meta's message id carries the sender's number (base64
     * inside the wamid), and consent evidence and audit events outlive an erasure, so only its salted hash is kept;
     * the city can still match it against a wamid from Meta's records.
     */
    private String messageRef(InboundMessage message) {
        return pseudonyms.hash(message.messageId());
    }

    private void sendTopicList(Subscriber subscriber, String to) {
        String language = subscriber.language();
        List<OutboundMessage.Choice> rows = new ArrayList<>();
        rows.add(new OutboundMessage.Choice(ALL_TOPICS, ChatTexts.text(language, "topics.all"), null));
        // within a WhatsApp list's limits (10 rows, titles up to 24 characters), as the area list: "all topics" + 9
        topics.codes().stream().limit(9).forEach(code -> rows.add(new OutboundMessage.Choice(TOPIC_PREFIX + code,
                cut(topics.label(code, language), 24), subscriber.topics().contains(code) ? "✓" : null)));
        replies.send(new OutboundMessage.ListMenu(to, null,
                ChatTexts.text(language, "topics.body", topics.labels(subscriber.topics(), language)), null,
                ChatTexts.text(language, "topics.button"),
                List.of(new OutboundMessage.Section(ChatTexts.text(language, "topics.section"), rows))), MessageCategory.UTILITY);
    }

    private void sendAreaList(Subscriber subscriber, String to) {
        String language = subscriber.language();
        List<OutboundMessage.Choice> rows = new ArrayList<>();
        rows.add(new OutboundMessage.Choice(WHOLE_CITY, ChatTexts.text(language, "areas.wholeCity"), null));
        neighbourhoods.codes().stream().limit(Neighbourhoods.CHAT_LIMIT).forEach(code -> rows.add(new OutboundMessage.Choice(
                AREA_PREFIX + code, cut(neighbourhoods.label(code), 24), subscriber.neighbourhoods().contains(code) ? "✓" : null)));
        String current = subscriber.neighbourhoods().isEmpty() ? ChatTexts.text(language, "areas.wholeCity")
                : neighbourhoods.labels(subscriber.neighbourhoods());
        replies.send(new OutboundMessage.ListMenu(to, null, ChatTexts.text(language, "areas.body", current), null,
                ChatTexts.text(language, "areas.button"),
                List.of(new OutboundMessage.Section(ChatTexts.text(language, "areas.button"), rows))), MessageCategory.UTILITY);
    }

    private static void toggle(Set<String> chosen, String code) {
        if (!chosen.remove(code)) {
            chosen.add(code);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private void text(String to, String key, Object... arguments) {
        replies.send(new OutboundMessage.Text(to, ChatTexts.text("it", key, arguments)), MessageCategory.UTILITY);
    }

    private static String address(InboundMessage message, Optional<Subscriber> known) {
        if (message.waId() != null) {
            return "+" + message.waId();
        }
        return known.map(Subscriber::address).orElse(message.userId());
    }

    private static String phone(String waId) {
        if (waId == null) {
            return null;
        }
        try {
            return PhoneNumber.fromWaId(waId).e164();
        } catch (DomainException invalid) {
            return null;
        }
    }
}
