package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.PhoneNumber;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Consent in the chat: ISCRIVIMI asks for explicit consent with the privacy summary and link; only the
 * "Accetto" button (or the web page's confirmation template) activates the subscriber and writes the consent
 * record; STOP withdraws at once; a changed notice is re-confirmed with one tap. Runs in the transaction of
 * {@link ChatSubscriptions#handle}, with the subscriber's row locked.
 */
@Dependent
public class ChatConsent {

    @Inject
    SubscriberRepository subscribers;

    @Inject
    PrivacyNotices notices;

    @Inject
    Topics topics;

    @Inject
    WebSubscriptions web;

    @Inject
    ConsentEvidence evidence;

    @Inject
    AuditTrail audit;

    @Inject
    ChatSender sender;

    @Inject
    ChatPreferences preferences;

    @Inject
    @ConfigProperty(name = "filodiretto.city.name", defaultValue = "Comune")
    String cityName;

    /** ISCRIVIMI: a new or former subscriber is asked for consent; an active one is told, or asked to renew. */
    void subscribe(ChatTurn turn) {
        if (turn.active().isPresent()) {
            Subscriber active = turn.active().get();
            if (active.reconsentDueBy() != null) {
                sendRenewalRequest(active, turn.to());
            } else {
                sender.sendText(turn.to(), "subscribe.already", cityName);
            }
            return;
        }
        Subscriber subscriber;
        if (turn.known().isPresent()) {
            subscriber = turn.known().get();
            subscriber.requestSubscription(turn.now());
        } else {
            subscriber = new Subscriber(phone(turn.message().waId()), turn.message().waId(), turn.message().userId(), turn.now());
            subscriber.heardFrom(turn.message().waId(), turn.message().userId(), turn.now());
            subscribers.add(subscriber);
        }
        evidence.recordStep(subscriber, AuditAction.SUBSCRIPTION_REQUESTED, turn.message(),
                Map.of("channel", ConsentRecord.Channel.WHATSAPP_KEYWORD));
        PrivacyNotice notice = notices.inForce();
        String language = subscriber.language();
        sender.send(new OutboundMessage.Buttons(turn.to(), null,
                ChatTexts.text(language, "subscribe.ask", cityName, notice.summary(), notice.url()), null,
                List.of(new OutboundMessage.Choice(ChatChoice.Consent.ACCEPT.id(), ChatTexts.text(language, "subscribe.accept"), null),
                        new OutboundMessage.Choice(ChatChoice.Consent.DECLINE.id(), ChatTexts.text(language, "subscribe.decline"), null))));
    }

    /** A tap on a button of the consent dialogue. */
    void answer(ChatTurn turn, ChatChoice.Consent choice) {
        switch (choice) {
            case ACCEPT -> accept(turn);
            case DECLINE -> decline(turn);
            case RENEW -> renew(turn);
        }
    }

    /** "Accetto": only a pending request becomes active, for every topic; the topic list follows. */
    private void accept(ChatTurn turn) {
        if (turn.known().isEmpty() || turn.known().get().state() != Subscriber.State.PENDING) {
            sender.sendText(turn.to(), turn.active().isPresent() ? "subscribe.already" : "subscribe.noPending", cityName);
            return;
        }
        Subscriber subscriber = turn.known().get();
        Set<String> all = topics.all();
        subscriber.activate(all, turn.now());
        evidence.recordChatConsent(subscriber, ConsentRecord.Action.GRANTED, all, turn.message(), AuditAction.CONSENT_GRANTED, turn.now());
        sender.sendText(turn.to(), "subscribe.done", cityName);
        preferences.sendTopicList(subscriber, turn.to());
    }

    /** "Non accetto": a pending request is closed; nothing was ever active. */
    private void decline(ChatTurn turn) {
        turn.known().filter(s -> s.state() == Subscriber.State.PENDING).ifPresent(s -> {
            s.withdraw(turn.now());
            evidence.recordStep(s, AuditAction.SUBSCRIPTION_DECLINED, turn.message(), Map.of());
        });
        sender.sendText(turn.to(), "subscribe.declined");
    }

    /** Re-confirmation under the notice in force, for an active subscriber. */
    private void renew(ChatTurn turn) {
        if (turn.active().isEmpty()) {
            sender.sendText(turn.to(), "subscribe.noPending", cityName);
            return;
        }
        Subscriber subscriber = turn.active().get();
        subscriber.renew(turn.now());
        evidence.recordChatConsent(subscriber, ConsentRecord.Action.RENEWED, subscriber.topics(), turn.message(),
                AuditAction.CONSENT_RENEWED, turn.now());
        sender.sendText(turn.to(), "renew.done", cityName);
    }

    /** The notice changed its purposes: the subscriber re-confirms with one tap (also asked by broadcast later). */
    private void sendRenewalRequest(Subscriber subscriber, String to) {
        PrivacyNotice notice = notices.inForce();
        String language = subscriber.language();
        sender.send(new OutboundMessage.Buttons(to, null,
                ChatTexts.text(language, "renew.ask", cityName, notice.summary(), notice.url()), null,
                List.of(new OutboundMessage.Choice(ChatChoice.Consent.RENEW.id(), ChatTexts.text(language, "subscribe.accept"), null))));
    }

    /**
     * STOP: withdraws at once (a processed STOP makes dispatch skip the subscriber, whose row is locked by this
     * transaction); a pending request is declined.
     */
    void stop(ChatTurn turn) {
        if (turn.known().isEmpty() || turn.known().get().state() == Subscriber.State.UNSUBSCRIBED
                || turn.known().get().state() == Subscriber.State.ERASED) {
            sender.sendText(turn.to(), "stop.unknown", cityName);
            return;
        }
        Subscriber subscriber = turn.known().get();
        boolean wasActive = subscriber.isActive();
        subscriber.withdraw(turn.now());
        if (wasActive) {
            evidence.recordChatConsent(subscriber, ConsentRecord.Action.WITHDRAWN, subscriber.topics(), turn.message(),
                    AuditAction.CONSENT_WITHDRAWN, turn.now());
        } else {
            evidence.recordStep(subscriber, AuditAction.SUBSCRIPTION_DECLINED, turn.message(), Map.of());
        }
        sender.sendText(turn.to(), "stop.done", cityName);
    }

    /** The citizen tapped a button of the web page's confirmation template (double opt-in or unsubscription). */
    void answerWebRequest(ChatTurn turn, ChatChoice.WebAnswer answer) {
        WebRequest request = web.answer(answer.id(), turn.to());
        if (request == null || !request.isOpenAt(turn.now())) {
            sender.sendText(turn.to(), "web.expired");
            return;
        }
        if (!answer.isConfirmation()) {
            request.deny(turn.now());
            sender.sendText(turn.to(), request.kind() == WebRequest.Kind.UNSUBSCRIBE ? "web.stillSubscribed" : "subscribe.declined",
                    cityName);
            return;
        }
        request.confirm(turn.now());
        if (request.kind() == WebRequest.Kind.UNSUBSCRIBE) {
            stop(turn);
        } else if (turn.active().isPresent()) {
            sender.sendText(turn.to(), "subscribe.already", cityName);
        } else {
            activateFromWeb(turn, request);
        }
    }

    private void activateFromWeb(ChatTurn turn, WebRequest request) {
        Subscriber subscriber = turn.known().orElseGet(() -> {
            Subscriber created = new Subscriber(request.phone(), turn.message().waId(), turn.message().userId(), turn.now());
            created.heardFrom(turn.message().waId(), turn.message().userId(), turn.now());
            subscribers.add(created);
            return created;
        });
        if (subscriber.state() != Subscriber.State.PENDING) {
            subscriber.requestSubscription(turn.now());
        }
        subscriber.activate(request.topics(), turn.now());
        subscriber.changeNeighbourhoods(request.neighbourhoods(), turn.now());
        PrivacyNotice notice = notices.inForce();
        subscribers.record(new ConsentRecord(subscriber.id(), ConsentRecord.Action.GRANTED, turn.now(), notice, request.topics(),
                ConsentRecord.Channel.WEB_DOUBLE_OPT_IN, webEvidence(request, turn)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("channel", ConsentRecord.Channel.WEB_DOUBLE_OPT_IN);
        details.put("noticeVersion", notice.version());
        details.put("topics", new ArrayList<>(new TreeSet<>(request.topics())));
        details.put("neighbourhoods", new ArrayList<>(new TreeSet<>(request.neighbourhoods())));
        details.put("webRequest", request.id());
        audit.record(Actor.citizen(subscriber.id()), AuditAction.CONSENT_GRANTED, "subscriber", subscriber.id().toString(), details);
        sender.sendText(turn.to(), "web.confirmed", cityName, topics.labels(request.topics(), subscriber.language()));
    }

    /** The double opt-in's evidence: the web request (as hashed when it was made) and the confirming message. */
    private String webEvidence(WebRequest request, ChatTurn turn) {
        return JSON.createObjectBuilder()
                .add("webRequestId", request.id())
                .add("requestedAt", request.createdAt().toString())
                .add("noticeVersionShown", request.noticeVersion())
                .add("ipSha256Salted", request.ipHash())
                .add("userAgent", request.userAgent() == null ? "" : request.userAgent())
                .add("foreignNumber", request.isForeignNumber())
                .add(ConsentEvidence.MESSAGE_REF, evidence.messageRef(turn.message()))
                .build().toString();
    }

    /** The number behind a phone-based WhatsApp id, if it is a valid one. */
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
